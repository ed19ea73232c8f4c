import { graphql } from '@/lib/gql';
import type { SettingsApiKeysQuery, SettingsChannelsQuery, SettingsMembersQuery } from '@/lib/gql/graphql';

export type SettingsApiKey = SettingsApiKeysQuery['apiKeys'][number];
export type EmailChannelSettings = SettingsChannelsQuery['channelSettings']['email'];
export type WebhookChannelSettings = SettingsChannelsQuery['channelSettings']['webhook'];
export type SettingsMember = SettingsMembersQuery['members'][number];

export const API_KEYS_QUERY = graphql(`
  query SettingsApiKeys {
    apiKeys {
      id
      name
      kind
      prefix
      createdAt
      revokedAt
    }
  }
`);

export const CREATE_API_KEY_MUTATION = graphql(`
  mutation SettingsCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        id
        name
        kind
        prefix
        createdAt
        revokedAt
      }
    }
  }
`);

export const REVOKE_API_KEY_MUTATION = graphql(`
  mutation SettingsRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

export const CHANNELS_QUERY = graphql(`
  query SettingsChannels {
    channelSettings {
      email {
        mode
        smtpHost
        smtpPort
        smtpSecure
        smtpUser
        hasPassword
        fromEmail
        fromName
      }
      webhook {
        headerNames
        timeoutSeconds
      }
    }
  }
`);

export const UPDATE_EMAIL_CHANNEL_MUTATION = graphql(`
  mutation SettingsUpdateEmailChannel($input: UpdateEmailChannelInput!) {
    updateEmailChannel(input: $input) {
      email {
        mode
        smtpHost
        smtpPort
        smtpSecure
        smtpUser
        hasPassword
        fromEmail
        fromName
      }
    }
  }
`);

export const UPDATE_WEBHOOK_CHANNEL_MUTATION = graphql(`
  mutation SettingsUpdateWebhookChannel($input: UpdateWebhookChannelInput!) {
    updateWebhookChannel(input: $input) {
      webhook {
        headerNames
        timeoutSeconds
      }
    }
  }
`);

export const SEND_TEST_MESSAGE_MUTATION = graphql(`
  mutation SettingsSendTestMessage($input: SendTestMessageInput!) {
    sendTestMessage(input: $input) {
      ...MessageFields
    }
  }
`);

export const MEMBERS_QUERY = graphql(`
  query SettingsMembers {
    members {
      role
      createdAt
      account {
        id
        email
        name
        lastSignInAt
      }
    }
  }
`);

export const ADD_MEMBER_MUTATION = graphql(`
  mutation SettingsAddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      role
      account {
        id
      }
    }
  }
`);

export const UPDATE_MEMBER_ROLE_MUTATION = graphql(`
  mutation SettingsUpdateMemberRole($accountId: ID!, $role: MemberRole!) {
    updateMemberRole(accountId: $accountId, role: $role) {
      role
      account {
        id
      }
    }
  }
`);

export const REMOVE_MEMBER_MUTATION = graphql(`
  mutation SettingsRemoveMember($accountId: ID!) {
    removeMember(accountId: $accountId)
  }
`);
