/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query OverviewPage {\n    workspace {\n      id\n      name\n      slug\n      timezone\n    }\n    overview {\n      timezone\n      todayStartsAt\n      users\n      knownUsers\n      anonymousUsers\n      newUsersToday\n      returningUsersToday\n      eventsLast24h\n      eventsPerHour {\n        hour\n        count\n      }\n      liveJourneys {\n        entriesToday\n        activeRuns\n        journey {\n          id\n          name\n          latestVersion\n        }\n      }\n    }\n    eventDefinitions {\n      id\n      name\n      displayName\n      count\n      status\n      lastSeenAt\n    }\n  }\n": typeof types.OverviewPageDocument,
    "\n  query EventCatalog {\n    eventDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n      status\n      count\n      droppedCount\n      firstSeenAt\n      lastSeenAt\n      group {\n        id\n        name\n      }\n      dailyCounts(days: 30) {\n        day\n        count\n      }\n    }\n    eventGroups {\n      id\n      name\n      description\n      createdAt\n      events {\n        id\n        name\n        displayName\n      }\n    }\n  }\n": typeof types.EventCatalogDocument,
    "\n  mutation RenameEvent($input: RenameEventInput!) {\n    renameEvent(input: $input) {\n      id\n      displayName\n    }\n  }\n": typeof types.RenameEventDocument,
    "\n  mutation SetEventStatus($input: SetEventStatusInput!) {\n    setEventStatus(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.SetEventStatusDocument,
    "\n  mutation CreateEventGroup($input: CreateEventGroupInput!) {\n    createEventGroup(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateEventGroupDocument,
    "\n  mutation UpdateEventGroup($input: UpdateEventGroupInput!) {\n    updateEventGroup(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateEventGroupDocument,
    "\n  mutation DeleteEventGroup($id: ID!) {\n    deleteEventGroup(id: $id)\n  }\n": typeof types.DeleteEventGroupDocument,
    "\n  fragment JourneyProblemFields on JourneyProblem {\n    nodeId\n    path\n    message\n    severity\n  }\n": typeof types.JourneyProblemFieldsFragmentDoc,
    "\n  fragment JourneyLifecycleFields on Journey {\n    id\n    status\n    latestVersion\n    publishedAt\n    stoppedAt\n    updatedAt\n    draftRevision\n    stats {\n      entered\n      active\n      completed\n      exitedEarly\n      converted\n      conversionRate\n      cancelled\n      failed\n    }\n    versions {\n      version\n      publishedAt\n      activeRuns\n    }\n  }\n": typeof types.JourneyLifecycleFieldsFragmentDoc,
    "\n  query JourneyBuilder($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      description\n      draft\n      ...JourneyLifecycleFields\n    }\n  }\n": typeof types.JourneyBuilderDocument,
    "\n  query JourneyCatalog {\n    eventDefinitions {\n      id\n      name\n      displayName\n    }\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n    segments {\n      id\n      name\n      kind\n      size\n    }\n  }\n": typeof types.JourneyCatalogDocument,
    "\n  query JourneyLiveStats($id: ID!) {\n    journey(id: $id) {\n      ...JourneyLifecycleFields\n      nodeStats {\n        nodeId\n        entered\n        waitingNow\n        branches {\n          branch\n          count\n          percent\n        }\n      }\n    }\n  }\n": typeof types.JourneyLiveStatsDocument,
    "\n  query ValidateJourneyDefinition($definition: JSON!) {\n    validateJourneyDefinition(definition: $definition) {\n      valid\n      problems {\n        ...JourneyProblemFields\n      }\n    }\n  }\n": typeof types.ValidateJourneyDefinitionDocument,
    "\n  mutation SaveJourneyDraft($input: UpdateJourneyDraftInput!) {\n    updateJourneyDraft(input: $input) {\n      id\n      name\n      draftRevision\n      updatedAt\n    }\n  }\n": typeof types.SaveJourneyDraftDocument,
    "\n  mutation PublishJourney($id: ID!) {\n    publishJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n": typeof types.PublishJourneyDocument,
    "\n  mutation PauseJourney($id: ID!) {\n    pauseJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n": typeof types.PauseJourneyDocument,
    "\n  mutation ResumeJourney($id: ID!) {\n    resumeJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n": typeof types.ResumeJourneyDocument,
    "\n  mutation ArchiveJourney($id: ID!) {\n    archiveJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n": typeof types.ArchiveJourneyDocument,
    "\n  mutation StopJourney($id: ID!) {\n    stopJourney(id: $id) {\n      cancelledRuns\n      journey {\n        ...JourneyLifecycleFields\n      }\n    }\n  }\n": typeof types.StopJourneyDocument,
    "\n  query JourneyWaitingRuns($journeyId: ID!, $nodeId: String!) {\n    journeyRuns(journeyId: $journeyId, filter: { nodeId: $nodeId }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          version\n          entryNumber\n          enteredAt\n          waitingSince\n          user {\n            id\n            externalId\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.JourneyWaitingRunsDocument,
    "\n  query PreviewJourneyTemplate($template: String!, $userId: String!, $triggerProperties: JSONObject, $journeyId: ID) {\n    previewJourneyTemplate(template: $template, userId: $userId, triggerProperties: $triggerProperties, journeyId: $journeyId)\n  }\n": typeof types.PreviewJourneyTemplateDocument,
    "\n  query JourneyList($status: JourneyStatus, $includeArchived: Boolean) {\n    journeys(status: $status, includeArchived: $includeArchived) {\n      id\n      name\n      description\n      status\n      latestVersion\n      updatedAt\n      publishedAt\n      stats {\n        entered\n        active\n        completed\n        conversionRate\n      }\n    }\n  }\n": typeof types.JourneyListDocument,
    "\n  mutation CreateJourney($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateJourneyDocument,
    "\n  query MessageLog($filter: MessageFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...MessageFields\n          user {\n            id\n            externalId\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.MessageLogDocument,
    "\n  query MessageBody($id: ID!) {\n    message(id: $id) {\n      id\n      body\n    }\n  }\n": typeof types.MessageBodyDocument,
    "\n  query MessageLogJourneys {\n    journeys(includeArchived: true) {\n      id\n      name\n    }\n  }\n": typeof types.MessageLogJourneysDocument,
    "\n  query Segments {\n    segments {\n      id\n      name\n      kind\n      isTest\n      size\n      status\n      lastError\n      updatedAt\n      trend(days: 30) {\n        day\n        size\n      }\n    }\n  }\n": typeof types.SegmentsDocument,
    "\n  query SegmentUsage($id: ID!) {\n    segment(id: $id) {\n      id\n      size\n      usedBy {\n        kind\n        id\n        name\n      }\n    }\n  }\n": typeof types.SegmentUsageDocument,
    "\n  mutation DeleteSegment($id: ID!) {\n    deleteSegment(id: $id)\n  }\n": typeof types.DeleteSegmentDocument,
    "\n  query SegmentBuilderCatalog {\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n    eventDefinitions {\n      id\n      name\n      displayName\n      system\n    }\n    eventGroups {\n      id\n      name\n      description\n      events {\n        id\n        name\n      }\n    }\n    segments {\n      id\n      name\n      kind\n      definition\n    }\n  }\n": typeof types.SegmentBuilderCatalogDocument,
    "\n  query PreviewSegment($definition: JSON!, $segmentId: ID) {\n    previewSegment(definition: $definition, segmentId: $segmentId) {\n      valid\n      size\n      exact\n      samplePercent\n      problems {\n        path\n        message\n      }\n      sampleUsers {\n        id\n        externalId\n        email\n        lastSeenAt\n      }\n    }\n  }\n": typeof types.PreviewSegmentDocument,
    "\n  query SegmentDetail($id: ID!) {\n    segment(id: $id) {\n      id\n      name\n      description\n      kind\n      isTest\n      definition\n      status\n      lastError\n      size\n      computedAt\n      createdAt\n      updatedAt\n      timeSensitive\n      usedBy {\n        kind\n        id\n        name\n      }\n    }\n  }\n": typeof types.SegmentDetailDocument,
    "\n  query SegmentMembers($id: ID!, $first: Int, $after: String) {\n    segment(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            enteredAt\n            user {\n              id\n              externalId\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SegmentMembersDocument,
    "\n  query SegmentHistory($id: ID!, $first: Int) {\n    segment(id: $id) {\n      id\n      history(first: $first) {\n        userId\n        enteredAt\n        exitedAt\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n": typeof types.SegmentHistoryDocument,
    "\n  query SegmentUploads($id: ID!) {\n    segment(id: $id) {\n      id\n      uploads {\n        id\n        fileName\n        idType\n        replace\n        status\n        totalRows\n        processedRows\n        matchedRows\n        unmatchedRows\n        error\n        createdAt\n        finishedAt\n      }\n    }\n  }\n": typeof types.SegmentUploadsDocument,
    "\n  query SegmentUploadProgress($id: ID!) {\n    segmentUpload(id: $id) {\n      id\n      fileName\n      idType\n      replace\n      status\n      totalRows\n      processedRows\n      matchedRows\n      unmatchedRows\n      error\n      createdAt\n      finishedAt\n    }\n  }\n": typeof types.SegmentUploadProgressDocument,
    "\n  query SegmentUploadReport($id: ID!, $first: Int!) {\n    segmentUpload(id: $id) {\n      id\n      unmatchedRows\n      unmatched(first: $first) {\n        row\n        value\n        reason\n      }\n    }\n  }\n": typeof types.SegmentUploadReportDocument,
    "\n  mutation UploadSegmentCsv($input: UploadSegmentCsvInput!) {\n    uploadSegmentCsv(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.UploadSegmentCsvDocument,
    "\n  mutation CreateSegment($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      id\n      name\n      kind\n      size\n    }\n  }\n": typeof types.CreateSegmentDocument,
    "\n  mutation UpdateSegment($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      id\n      name\n      description\n      isTest\n      definition\n      status\n      lastError\n      size\n      computedAt\n      updatedAt\n      timeSensitive\n    }\n  }\n": typeof types.UpdateSegmentDocument,
    "\n  mutation RecomputeSegment($id: ID!) {\n    recomputeSegment(id: $id) {\n      id\n      size\n      status\n      lastError\n      computedAt\n      updatedAt\n    }\n  }\n": typeof types.RecomputeSegmentDocument,
    "\n  query SettingsApiKeys {\n    apiKeys {\n      id\n      name\n      kind\n      prefix\n      createdAt\n      revokedAt\n    }\n  }\n": typeof types.SettingsApiKeysDocument,
    "\n  mutation SettingsCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n        kind\n        prefix\n        createdAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.SettingsCreateApiKeyDocument,
    "\n  mutation SettingsRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.SettingsRevokeApiKeyDocument,
    "\n  query SettingsChannels {\n    channelSettings {\n      email {\n        mode\n        smtpHost\n        smtpPort\n        smtpSecure\n        smtpUser\n        hasPassword\n        fromEmail\n        fromName\n      }\n      webhook {\n        headerNames\n        timeoutSeconds\n      }\n    }\n  }\n": typeof types.SettingsChannelsDocument,
    "\n  mutation SettingsUpdateEmailChannel($input: UpdateEmailChannelInput!) {\n    updateEmailChannel(input: $input) {\n      email {\n        mode\n        smtpHost\n        smtpPort\n        smtpSecure\n        smtpUser\n        hasPassword\n        fromEmail\n        fromName\n      }\n    }\n  }\n": typeof types.SettingsUpdateEmailChannelDocument,
    "\n  mutation SettingsUpdateWebhookChannel($input: UpdateWebhookChannelInput!) {\n    updateWebhookChannel(input: $input) {\n      webhook {\n        headerNames\n        timeoutSeconds\n      }\n    }\n  }\n": typeof types.SettingsUpdateWebhookChannelDocument,
    "\n  mutation SettingsSendTestMessage($input: SendTestMessageInput!) {\n    sendTestMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n": typeof types.SettingsSendTestMessageDocument,
    "\n  query SettingsMembers {\n    members {\n      role\n      createdAt\n      account {\n        id\n        email\n        name\n        lastSignInAt\n      }\n    }\n  }\n": typeof types.SettingsMembersDocument,
    "\n  mutation SettingsAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      role\n      account {\n        id\n      }\n    }\n  }\n": typeof types.SettingsAddMemberDocument,
    "\n  mutation SettingsUpdateMemberRole($accountId: ID!, $role: MemberRole!) {\n    updateMemberRole(accountId: $accountId, role: $role) {\n      role\n      account {\n        id\n      }\n    }\n  }\n": typeof types.SettingsUpdateMemberRoleDocument,
    "\n  mutation SettingsRemoveMember($accountId: ID!) {\n    removeMember(accountId: $accountId)\n  }\n": typeof types.SettingsRemoveMemberDocument,
    "\n  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          externalId\n          anonymous\n          email\n          phone\n          city\n          country\n          firstSeenAt\n          lastSeenAt\n        }\n      }\n    }\n  }\n": typeof types.UsersListDocument,
    "\n  query UserFilterAttributes {\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n  }\n": typeof types.UserFilterAttributesDocument,
    "\n  query UserFilterSegments {\n    segments {\n      id\n      name\n      kind\n      size\n    }\n  }\n": typeof types.UserFilterSegmentsDocument,
    "\n  query UserProfile($id: ID!) {\n    user(id: $id) {\n      id\n      externalId\n      anonymous\n      email\n      phone\n      firstSeenAt\n      lastSeenAt\n      createdAt\n      attributes {\n        name\n        displayName\n        value\n        system\n      }\n      identities {\n        kind\n        value\n        createdAt\n      }\n      segments {\n        enteredAt\n        segment {\n          id\n          name\n          kind\n        }\n      }\n      segmentHistory(first: 50) {\n        enteredAt\n        exitedAt\n        segment {\n          id\n          name\n        }\n      }\n      journeyRuns {\n        id\n        status\n        version\n        entryNumber\n        enteredAt\n        endedAt\n        endReason\n        convertedAt\n        currentNodeId\n        waitingSince\n        listeningTo\n        workflowId\n        journey {\n          id\n          name\n        }\n        steps {\n          seq\n          nodeId\n          kind\n          branch\n          reason\n          messageId\n          at\n        }\n      }\n    }\n  }\n": typeof types.UserProfileDocument,
    "\n  query UserTimeline($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            type\n            timestamp\n            receivedAt\n            messageId\n            properties\n            context\n          }\n        }\n      }\n    }\n  }\n": typeof types.UserTimelineDocument,
    "\n  query UserMessages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      id\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.UserMessagesDocument,
    "\n  query JourneyNodesForStepLog($id: ID!) {\n    journey(id: $id) {\n      id\n      versions {\n        version\n        definition\n      }\n    }\n  }\n": typeof types.JourneyNodesForStepLogDocument,
    "\n  fragment MessageFields on Message {\n    id\n    channel\n    purpose\n    status\n    provider\n    recipient\n    subject\n    error\n    responseStatus\n    attempts\n    test\n    journeyId\n    nodeId\n    createdAt\n    sentAt\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      role\n      canEdit\n      isAdmin\n      account {\n        name\n        email\n      }\n      workspace {\n        id\n        name\n        slug\n        timezone\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      role\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
};
const documents: Documents = {
    "\n  query OverviewPage {\n    workspace {\n      id\n      name\n      slug\n      timezone\n    }\n    overview {\n      timezone\n      todayStartsAt\n      users\n      knownUsers\n      anonymousUsers\n      newUsersToday\n      returningUsersToday\n      eventsLast24h\n      eventsPerHour {\n        hour\n        count\n      }\n      liveJourneys {\n        entriesToday\n        activeRuns\n        journey {\n          id\n          name\n          latestVersion\n        }\n      }\n    }\n    eventDefinitions {\n      id\n      name\n      displayName\n      count\n      status\n      lastSeenAt\n    }\n  }\n": types.OverviewPageDocument,
    "\n  query EventCatalog {\n    eventDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n      status\n      count\n      droppedCount\n      firstSeenAt\n      lastSeenAt\n      group {\n        id\n        name\n      }\n      dailyCounts(days: 30) {\n        day\n        count\n      }\n    }\n    eventGroups {\n      id\n      name\n      description\n      createdAt\n      events {\n        id\n        name\n        displayName\n      }\n    }\n  }\n": types.EventCatalogDocument,
    "\n  mutation RenameEvent($input: RenameEventInput!) {\n    renameEvent(input: $input) {\n      id\n      displayName\n    }\n  }\n": types.RenameEventDocument,
    "\n  mutation SetEventStatus($input: SetEventStatusInput!) {\n    setEventStatus(input: $input) {\n      id\n      status\n    }\n  }\n": types.SetEventStatusDocument,
    "\n  mutation CreateEventGroup($input: CreateEventGroupInput!) {\n    createEventGroup(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateEventGroupDocument,
    "\n  mutation UpdateEventGroup($input: UpdateEventGroupInput!) {\n    updateEventGroup(input: $input) {\n      id\n      name\n    }\n  }\n": types.UpdateEventGroupDocument,
    "\n  mutation DeleteEventGroup($id: ID!) {\n    deleteEventGroup(id: $id)\n  }\n": types.DeleteEventGroupDocument,
    "\n  fragment JourneyProblemFields on JourneyProblem {\n    nodeId\n    path\n    message\n    severity\n  }\n": types.JourneyProblemFieldsFragmentDoc,
    "\n  fragment JourneyLifecycleFields on Journey {\n    id\n    status\n    latestVersion\n    publishedAt\n    stoppedAt\n    updatedAt\n    draftRevision\n    stats {\n      entered\n      active\n      completed\n      exitedEarly\n      converted\n      conversionRate\n      cancelled\n      failed\n    }\n    versions {\n      version\n      publishedAt\n      activeRuns\n    }\n  }\n": types.JourneyLifecycleFieldsFragmentDoc,
    "\n  query JourneyBuilder($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      description\n      draft\n      ...JourneyLifecycleFields\n    }\n  }\n": types.JourneyBuilderDocument,
    "\n  query JourneyCatalog {\n    eventDefinitions {\n      id\n      name\n      displayName\n    }\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n    segments {\n      id\n      name\n      kind\n      size\n    }\n  }\n": types.JourneyCatalogDocument,
    "\n  query JourneyLiveStats($id: ID!) {\n    journey(id: $id) {\n      ...JourneyLifecycleFields\n      nodeStats {\n        nodeId\n        entered\n        waitingNow\n        branches {\n          branch\n          count\n          percent\n        }\n      }\n    }\n  }\n": types.JourneyLiveStatsDocument,
    "\n  query ValidateJourneyDefinition($definition: JSON!) {\n    validateJourneyDefinition(definition: $definition) {\n      valid\n      problems {\n        ...JourneyProblemFields\n      }\n    }\n  }\n": types.ValidateJourneyDefinitionDocument,
    "\n  mutation SaveJourneyDraft($input: UpdateJourneyDraftInput!) {\n    updateJourneyDraft(input: $input) {\n      id\n      name\n      draftRevision\n      updatedAt\n    }\n  }\n": types.SaveJourneyDraftDocument,
    "\n  mutation PublishJourney($id: ID!) {\n    publishJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n": types.PublishJourneyDocument,
    "\n  mutation PauseJourney($id: ID!) {\n    pauseJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n": types.PauseJourneyDocument,
    "\n  mutation ResumeJourney($id: ID!) {\n    resumeJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n": types.ResumeJourneyDocument,
    "\n  mutation ArchiveJourney($id: ID!) {\n    archiveJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n": types.ArchiveJourneyDocument,
    "\n  mutation StopJourney($id: ID!) {\n    stopJourney(id: $id) {\n      cancelledRuns\n      journey {\n        ...JourneyLifecycleFields\n      }\n    }\n  }\n": types.StopJourneyDocument,
    "\n  query JourneyWaitingRuns($journeyId: ID!, $nodeId: String!) {\n    journeyRuns(journeyId: $journeyId, filter: { nodeId: $nodeId }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          version\n          entryNumber\n          enteredAt\n          waitingSince\n          user {\n            id\n            externalId\n            email\n          }\n        }\n      }\n    }\n  }\n": types.JourneyWaitingRunsDocument,
    "\n  query PreviewJourneyTemplate($template: String!, $userId: String!, $triggerProperties: JSONObject, $journeyId: ID) {\n    previewJourneyTemplate(template: $template, userId: $userId, triggerProperties: $triggerProperties, journeyId: $journeyId)\n  }\n": types.PreviewJourneyTemplateDocument,
    "\n  query JourneyList($status: JourneyStatus, $includeArchived: Boolean) {\n    journeys(status: $status, includeArchived: $includeArchived) {\n      id\n      name\n      description\n      status\n      latestVersion\n      updatedAt\n      publishedAt\n      stats {\n        entered\n        active\n        completed\n        conversionRate\n      }\n    }\n  }\n": types.JourneyListDocument,
    "\n  mutation CreateJourney($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateJourneyDocument,
    "\n  query MessageLog($filter: MessageFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...MessageFields\n          user {\n            id\n            externalId\n            email\n          }\n        }\n      }\n    }\n  }\n": types.MessageLogDocument,
    "\n  query MessageBody($id: ID!) {\n    message(id: $id) {\n      id\n      body\n    }\n  }\n": types.MessageBodyDocument,
    "\n  query MessageLogJourneys {\n    journeys(includeArchived: true) {\n      id\n      name\n    }\n  }\n": types.MessageLogJourneysDocument,
    "\n  query Segments {\n    segments {\n      id\n      name\n      kind\n      isTest\n      size\n      status\n      lastError\n      updatedAt\n      trend(days: 30) {\n        day\n        size\n      }\n    }\n  }\n": types.SegmentsDocument,
    "\n  query SegmentUsage($id: ID!) {\n    segment(id: $id) {\n      id\n      size\n      usedBy {\n        kind\n        id\n        name\n      }\n    }\n  }\n": types.SegmentUsageDocument,
    "\n  mutation DeleteSegment($id: ID!) {\n    deleteSegment(id: $id)\n  }\n": types.DeleteSegmentDocument,
    "\n  query SegmentBuilderCatalog {\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n    eventDefinitions {\n      id\n      name\n      displayName\n      system\n    }\n    eventGroups {\n      id\n      name\n      description\n      events {\n        id\n        name\n      }\n    }\n    segments {\n      id\n      name\n      kind\n      definition\n    }\n  }\n": types.SegmentBuilderCatalogDocument,
    "\n  query PreviewSegment($definition: JSON!, $segmentId: ID) {\n    previewSegment(definition: $definition, segmentId: $segmentId) {\n      valid\n      size\n      exact\n      samplePercent\n      problems {\n        path\n        message\n      }\n      sampleUsers {\n        id\n        externalId\n        email\n        lastSeenAt\n      }\n    }\n  }\n": types.PreviewSegmentDocument,
    "\n  query SegmentDetail($id: ID!) {\n    segment(id: $id) {\n      id\n      name\n      description\n      kind\n      isTest\n      definition\n      status\n      lastError\n      size\n      computedAt\n      createdAt\n      updatedAt\n      timeSensitive\n      usedBy {\n        kind\n        id\n        name\n      }\n    }\n  }\n": types.SegmentDetailDocument,
    "\n  query SegmentMembers($id: ID!, $first: Int, $after: String) {\n    segment(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            enteredAt\n            user {\n              id\n              externalId\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SegmentMembersDocument,
    "\n  query SegmentHistory($id: ID!, $first: Int) {\n    segment(id: $id) {\n      id\n      history(first: $first) {\n        userId\n        enteredAt\n        exitedAt\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n": types.SegmentHistoryDocument,
    "\n  query SegmentUploads($id: ID!) {\n    segment(id: $id) {\n      id\n      uploads {\n        id\n        fileName\n        idType\n        replace\n        status\n        totalRows\n        processedRows\n        matchedRows\n        unmatchedRows\n        error\n        createdAt\n        finishedAt\n      }\n    }\n  }\n": types.SegmentUploadsDocument,
    "\n  query SegmentUploadProgress($id: ID!) {\n    segmentUpload(id: $id) {\n      id\n      fileName\n      idType\n      replace\n      status\n      totalRows\n      processedRows\n      matchedRows\n      unmatchedRows\n      error\n      createdAt\n      finishedAt\n    }\n  }\n": types.SegmentUploadProgressDocument,
    "\n  query SegmentUploadReport($id: ID!, $first: Int!) {\n    segmentUpload(id: $id) {\n      id\n      unmatchedRows\n      unmatched(first: $first) {\n        row\n        value\n        reason\n      }\n    }\n  }\n": types.SegmentUploadReportDocument,
    "\n  mutation UploadSegmentCsv($input: UploadSegmentCsvInput!) {\n    uploadSegmentCsv(input: $input) {\n      id\n      status\n    }\n  }\n": types.UploadSegmentCsvDocument,
    "\n  mutation CreateSegment($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      id\n      name\n      kind\n      size\n    }\n  }\n": types.CreateSegmentDocument,
    "\n  mutation UpdateSegment($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      id\n      name\n      description\n      isTest\n      definition\n      status\n      lastError\n      size\n      computedAt\n      updatedAt\n      timeSensitive\n    }\n  }\n": types.UpdateSegmentDocument,
    "\n  mutation RecomputeSegment($id: ID!) {\n    recomputeSegment(id: $id) {\n      id\n      size\n      status\n      lastError\n      computedAt\n      updatedAt\n    }\n  }\n": types.RecomputeSegmentDocument,
    "\n  query SettingsApiKeys {\n    apiKeys {\n      id\n      name\n      kind\n      prefix\n      createdAt\n      revokedAt\n    }\n  }\n": types.SettingsApiKeysDocument,
    "\n  mutation SettingsCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n        kind\n        prefix\n        createdAt\n        revokedAt\n      }\n    }\n  }\n": types.SettingsCreateApiKeyDocument,
    "\n  mutation SettingsRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.SettingsRevokeApiKeyDocument,
    "\n  query SettingsChannels {\n    channelSettings {\n      email {\n        mode\n        smtpHost\n        smtpPort\n        smtpSecure\n        smtpUser\n        hasPassword\n        fromEmail\n        fromName\n      }\n      webhook {\n        headerNames\n        timeoutSeconds\n      }\n    }\n  }\n": types.SettingsChannelsDocument,
    "\n  mutation SettingsUpdateEmailChannel($input: UpdateEmailChannelInput!) {\n    updateEmailChannel(input: $input) {\n      email {\n        mode\n        smtpHost\n        smtpPort\n        smtpSecure\n        smtpUser\n        hasPassword\n        fromEmail\n        fromName\n      }\n    }\n  }\n": types.SettingsUpdateEmailChannelDocument,
    "\n  mutation SettingsUpdateWebhookChannel($input: UpdateWebhookChannelInput!) {\n    updateWebhookChannel(input: $input) {\n      webhook {\n        headerNames\n        timeoutSeconds\n      }\n    }\n  }\n": types.SettingsUpdateWebhookChannelDocument,
    "\n  mutation SettingsSendTestMessage($input: SendTestMessageInput!) {\n    sendTestMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n": types.SettingsSendTestMessageDocument,
    "\n  query SettingsMembers {\n    members {\n      role\n      createdAt\n      account {\n        id\n        email\n        name\n        lastSignInAt\n      }\n    }\n  }\n": types.SettingsMembersDocument,
    "\n  mutation SettingsAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      role\n      account {\n        id\n      }\n    }\n  }\n": types.SettingsAddMemberDocument,
    "\n  mutation SettingsUpdateMemberRole($accountId: ID!, $role: MemberRole!) {\n    updateMemberRole(accountId: $accountId, role: $role) {\n      role\n      account {\n        id\n      }\n    }\n  }\n": types.SettingsUpdateMemberRoleDocument,
    "\n  mutation SettingsRemoveMember($accountId: ID!) {\n    removeMember(accountId: $accountId)\n  }\n": types.SettingsRemoveMemberDocument,
    "\n  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          externalId\n          anonymous\n          email\n          phone\n          city\n          country\n          firstSeenAt\n          lastSeenAt\n        }\n      }\n    }\n  }\n": types.UsersListDocument,
    "\n  query UserFilterAttributes {\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n  }\n": types.UserFilterAttributesDocument,
    "\n  query UserFilterSegments {\n    segments {\n      id\n      name\n      kind\n      size\n    }\n  }\n": types.UserFilterSegmentsDocument,
    "\n  query UserProfile($id: ID!) {\n    user(id: $id) {\n      id\n      externalId\n      anonymous\n      email\n      phone\n      firstSeenAt\n      lastSeenAt\n      createdAt\n      attributes {\n        name\n        displayName\n        value\n        system\n      }\n      identities {\n        kind\n        value\n        createdAt\n      }\n      segments {\n        enteredAt\n        segment {\n          id\n          name\n          kind\n        }\n      }\n      segmentHistory(first: 50) {\n        enteredAt\n        exitedAt\n        segment {\n          id\n          name\n        }\n      }\n      journeyRuns {\n        id\n        status\n        version\n        entryNumber\n        enteredAt\n        endedAt\n        endReason\n        convertedAt\n        currentNodeId\n        waitingSince\n        listeningTo\n        workflowId\n        journey {\n          id\n          name\n        }\n        steps {\n          seq\n          nodeId\n          kind\n          branch\n          reason\n          messageId\n          at\n        }\n      }\n    }\n  }\n": types.UserProfileDocument,
    "\n  query UserTimeline($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            type\n            timestamp\n            receivedAt\n            messageId\n            properties\n            context\n          }\n        }\n      }\n    }\n  }\n": types.UserTimelineDocument,
    "\n  query UserMessages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      id\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n": types.UserMessagesDocument,
    "\n  query JourneyNodesForStepLog($id: ID!) {\n    journey(id: $id) {\n      id\n      versions {\n        version\n        definition\n      }\n    }\n  }\n": types.JourneyNodesForStepLogDocument,
    "\n  fragment MessageFields on Message {\n    id\n    channel\n    purpose\n    status\n    provider\n    recipient\n    subject\n    error\n    responseStatus\n    attempts\n    test\n    journeyId\n    nodeId\n    createdAt\n    sentAt\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      role\n      canEdit\n      isAdmin\n      account {\n        name\n        email\n      }\n      workspace {\n        id\n        name\n        slug\n        timezone\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      role\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewPage {\n    workspace {\n      id\n      name\n      slug\n      timezone\n    }\n    overview {\n      timezone\n      todayStartsAt\n      users\n      knownUsers\n      anonymousUsers\n      newUsersToday\n      returningUsersToday\n      eventsLast24h\n      eventsPerHour {\n        hour\n        count\n      }\n      liveJourneys {\n        entriesToday\n        activeRuns\n        journey {\n          id\n          name\n          latestVersion\n        }\n      }\n    }\n    eventDefinitions {\n      id\n      name\n      displayName\n      count\n      status\n      lastSeenAt\n    }\n  }\n"): (typeof documents)["\n  query OverviewPage {\n    workspace {\n      id\n      name\n      slug\n      timezone\n    }\n    overview {\n      timezone\n      todayStartsAt\n      users\n      knownUsers\n      anonymousUsers\n      newUsersToday\n      returningUsersToday\n      eventsLast24h\n      eventsPerHour {\n        hour\n        count\n      }\n      liveJourneys {\n        entriesToday\n        activeRuns\n        journey {\n          id\n          name\n          latestVersion\n        }\n      }\n    }\n    eventDefinitions {\n      id\n      name\n      displayName\n      count\n      status\n      lastSeenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventCatalog {\n    eventDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n      status\n      count\n      droppedCount\n      firstSeenAt\n      lastSeenAt\n      group {\n        id\n        name\n      }\n      dailyCounts(days: 30) {\n        day\n        count\n      }\n    }\n    eventGroups {\n      id\n      name\n      description\n      createdAt\n      events {\n        id\n        name\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventCatalog {\n    eventDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n      status\n      count\n      droppedCount\n      firstSeenAt\n      lastSeenAt\n      group {\n        id\n        name\n      }\n      dailyCounts(days: 30) {\n        day\n        count\n      }\n    }\n    eventGroups {\n      id\n      name\n      description\n      createdAt\n      events {\n        id\n        name\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameEvent($input: RenameEventInput!) {\n    renameEvent(input: $input) {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation RenameEvent($input: RenameEventInput!) {\n    renameEvent(input: $input) {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetEventStatus($input: SetEventStatusInput!) {\n    setEventStatus(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SetEventStatus($input: SetEventStatusInput!) {\n    setEventStatus(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEventGroup($input: CreateEventGroupInput!) {\n    createEventGroup(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEventGroup($input: CreateEventGroupInput!) {\n    createEventGroup(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEventGroup($input: UpdateEventGroupInput!) {\n    updateEventGroup(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEventGroup($input: UpdateEventGroupInput!) {\n    updateEventGroup(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteEventGroup($id: ID!) {\n    deleteEventGroup(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteEventGroup($id: ID!) {\n    deleteEventGroup(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JourneyProblemFields on JourneyProblem {\n    nodeId\n    path\n    message\n    severity\n  }\n"): (typeof documents)["\n  fragment JourneyProblemFields on JourneyProblem {\n    nodeId\n    path\n    message\n    severity\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JourneyLifecycleFields on Journey {\n    id\n    status\n    latestVersion\n    publishedAt\n    stoppedAt\n    updatedAt\n    draftRevision\n    stats {\n      entered\n      active\n      completed\n      exitedEarly\n      converted\n      conversionRate\n      cancelled\n      failed\n    }\n    versions {\n      version\n      publishedAt\n      activeRuns\n    }\n  }\n"): (typeof documents)["\n  fragment JourneyLifecycleFields on Journey {\n    id\n    status\n    latestVersion\n    publishedAt\n    stoppedAt\n    updatedAt\n    draftRevision\n    stats {\n      entered\n      active\n      completed\n      exitedEarly\n      converted\n      conversionRate\n      cancelled\n      failed\n    }\n    versions {\n      version\n      publishedAt\n      activeRuns\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyBuilder($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      description\n      draft\n      ...JourneyLifecycleFields\n    }\n  }\n"): (typeof documents)["\n  query JourneyBuilder($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      description\n      draft\n      ...JourneyLifecycleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyCatalog {\n    eventDefinitions {\n      id\n      name\n      displayName\n    }\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n    segments {\n      id\n      name\n      kind\n      size\n    }\n  }\n"): (typeof documents)["\n  query JourneyCatalog {\n    eventDefinitions {\n      id\n      name\n      displayName\n    }\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n    segments {\n      id\n      name\n      kind\n      size\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyLiveStats($id: ID!) {\n    journey(id: $id) {\n      ...JourneyLifecycleFields\n      nodeStats {\n        nodeId\n        entered\n        waitingNow\n        branches {\n          branch\n          count\n          percent\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyLiveStats($id: ID!) {\n    journey(id: $id) {\n      ...JourneyLifecycleFields\n      nodeStats {\n        nodeId\n        entered\n        waitingNow\n        branches {\n          branch\n          count\n          percent\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ValidateJourneyDefinition($definition: JSON!) {\n    validateJourneyDefinition(definition: $definition) {\n      valid\n      problems {\n        ...JourneyProblemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ValidateJourneyDefinition($definition: JSON!) {\n    validateJourneyDefinition(definition: $definition) {\n      valid\n      problems {\n        ...JourneyProblemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveJourneyDraft($input: UpdateJourneyDraftInput!) {\n    updateJourneyDraft(input: $input) {\n      id\n      name\n      draftRevision\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SaveJourneyDraft($input: UpdateJourneyDraftInput!) {\n    updateJourneyDraft(input: $input) {\n      id\n      name\n      draftRevision\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishJourney($id: ID!) {\n    publishJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishJourney($id: ID!) {\n    publishJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseJourney($id: ID!) {\n    pauseJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n"): (typeof documents)["\n  mutation PauseJourney($id: ID!) {\n    pauseJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeJourney($id: ID!) {\n    resumeJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeJourney($id: ID!) {\n    resumeJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveJourney($id: ID!) {\n    archiveJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveJourney($id: ID!) {\n    archiveJourney(id: $id) {\n      ...JourneyLifecycleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopJourney($id: ID!) {\n    stopJourney(id: $id) {\n      cancelledRuns\n      journey {\n        ...JourneyLifecycleFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StopJourney($id: ID!) {\n    stopJourney(id: $id) {\n      cancelledRuns\n      journey {\n        ...JourneyLifecycleFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyWaitingRuns($journeyId: ID!, $nodeId: String!) {\n    journeyRuns(journeyId: $journeyId, filter: { nodeId: $nodeId }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          version\n          entryNumber\n          enteredAt\n          waitingSince\n          user {\n            id\n            externalId\n            email\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyWaitingRuns($journeyId: ID!, $nodeId: String!) {\n    journeyRuns(journeyId: $journeyId, filter: { nodeId: $nodeId }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          version\n          entryNumber\n          enteredAt\n          waitingSince\n          user {\n            id\n            externalId\n            email\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewJourneyTemplate($template: String!, $userId: String!, $triggerProperties: JSONObject, $journeyId: ID) {\n    previewJourneyTemplate(template: $template, userId: $userId, triggerProperties: $triggerProperties, journeyId: $journeyId)\n  }\n"): (typeof documents)["\n  query PreviewJourneyTemplate($template: String!, $userId: String!, $triggerProperties: JSONObject, $journeyId: ID) {\n    previewJourneyTemplate(template: $template, userId: $userId, triggerProperties: $triggerProperties, journeyId: $journeyId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyList($status: JourneyStatus, $includeArchived: Boolean) {\n    journeys(status: $status, includeArchived: $includeArchived) {\n      id\n      name\n      description\n      status\n      latestVersion\n      updatedAt\n      publishedAt\n      stats {\n        entered\n        active\n        completed\n        conversionRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyList($status: JourneyStatus, $includeArchived: Boolean) {\n    journeys(status: $status, includeArchived: $includeArchived) {\n      id\n      name\n      description\n      status\n      latestVersion\n      updatedAt\n      publishedAt\n      stats {\n        entered\n        active\n        completed\n        conversionRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateJourney($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateJourney($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageLog($filter: MessageFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...MessageFields\n          user {\n            id\n            externalId\n            email\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageLog($filter: MessageFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...MessageFields\n          user {\n            id\n            externalId\n            email\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageBody($id: ID!) {\n    message(id: $id) {\n      id\n      body\n    }\n  }\n"): (typeof documents)["\n  query MessageBody($id: ID!) {\n    message(id: $id) {\n      id\n      body\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageLogJourneys {\n    journeys(includeArchived: true) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query MessageLogJourneys {\n    journeys(includeArchived: true) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Segments {\n    segments {\n      id\n      name\n      kind\n      isTest\n      size\n      status\n      lastError\n      updatedAt\n      trend(days: 30) {\n        day\n        size\n      }\n    }\n  }\n"): (typeof documents)["\n  query Segments {\n    segments {\n      id\n      name\n      kind\n      isTest\n      size\n      status\n      lastError\n      updatedAt\n      trend(days: 30) {\n        day\n        size\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentUsage($id: ID!) {\n    segment(id: $id) {\n      id\n      size\n      usedBy {\n        kind\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentUsage($id: ID!) {\n    segment(id: $id) {\n      id\n      size\n      usedBy {\n        kind\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSegment($id: ID!) {\n    deleteSegment(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSegment($id: ID!) {\n    deleteSegment(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentBuilderCatalog {\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n    eventDefinitions {\n      id\n      name\n      displayName\n      system\n    }\n    eventGroups {\n      id\n      name\n      description\n      events {\n        id\n        name\n      }\n    }\n    segments {\n      id\n      name\n      kind\n      definition\n    }\n  }\n"): (typeof documents)["\n  query SegmentBuilderCatalog {\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n    eventDefinitions {\n      id\n      name\n      displayName\n      system\n    }\n    eventGroups {\n      id\n      name\n      description\n      events {\n        id\n        name\n      }\n    }\n    segments {\n      id\n      name\n      kind\n      definition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewSegment($definition: JSON!, $segmentId: ID) {\n    previewSegment(definition: $definition, segmentId: $segmentId) {\n      valid\n      size\n      exact\n      samplePercent\n      problems {\n        path\n        message\n      }\n      sampleUsers {\n        id\n        externalId\n        email\n        lastSeenAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewSegment($definition: JSON!, $segmentId: ID) {\n    previewSegment(definition: $definition, segmentId: $segmentId) {\n      valid\n      size\n      exact\n      samplePercent\n      problems {\n        path\n        message\n      }\n      sampleUsers {\n        id\n        externalId\n        email\n        lastSeenAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentDetail($id: ID!) {\n    segment(id: $id) {\n      id\n      name\n      description\n      kind\n      isTest\n      definition\n      status\n      lastError\n      size\n      computedAt\n      createdAt\n      updatedAt\n      timeSensitive\n      usedBy {\n        kind\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentDetail($id: ID!) {\n    segment(id: $id) {\n      id\n      name\n      description\n      kind\n      isTest\n      definition\n      status\n      lastError\n      size\n      computedAt\n      createdAt\n      updatedAt\n      timeSensitive\n      usedBy {\n        kind\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentMembers($id: ID!, $first: Int, $after: String) {\n    segment(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            enteredAt\n            user {\n              id\n              externalId\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentMembers($id: ID!, $first: Int, $after: String) {\n    segment(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            enteredAt\n            user {\n              id\n              externalId\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentHistory($id: ID!, $first: Int) {\n    segment(id: $id) {\n      id\n      history(first: $first) {\n        userId\n        enteredAt\n        exitedAt\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentHistory($id: ID!, $first: Int) {\n    segment(id: $id) {\n      id\n      history(first: $first) {\n        userId\n        enteredAt\n        exitedAt\n        user {\n          id\n          externalId\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentUploads($id: ID!) {\n    segment(id: $id) {\n      id\n      uploads {\n        id\n        fileName\n        idType\n        replace\n        status\n        totalRows\n        processedRows\n        matchedRows\n        unmatchedRows\n        error\n        createdAt\n        finishedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentUploads($id: ID!) {\n    segment(id: $id) {\n      id\n      uploads {\n        id\n        fileName\n        idType\n        replace\n        status\n        totalRows\n        processedRows\n        matchedRows\n        unmatchedRows\n        error\n        createdAt\n        finishedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentUploadProgress($id: ID!) {\n    segmentUpload(id: $id) {\n      id\n      fileName\n      idType\n      replace\n      status\n      totalRows\n      processedRows\n      matchedRows\n      unmatchedRows\n      error\n      createdAt\n      finishedAt\n    }\n  }\n"): (typeof documents)["\n  query SegmentUploadProgress($id: ID!) {\n    segmentUpload(id: $id) {\n      id\n      fileName\n      idType\n      replace\n      status\n      totalRows\n      processedRows\n      matchedRows\n      unmatchedRows\n      error\n      createdAt\n      finishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentUploadReport($id: ID!, $first: Int!) {\n    segmentUpload(id: $id) {\n      id\n      unmatchedRows\n      unmatched(first: $first) {\n        row\n        value\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentUploadReport($id: ID!, $first: Int!) {\n    segmentUpload(id: $id) {\n      id\n      unmatchedRows\n      unmatched(first: $first) {\n        row\n        value\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadSegmentCsv($input: UploadSegmentCsvInput!) {\n    uploadSegmentCsv(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UploadSegmentCsv($input: UploadSegmentCsvInput!) {\n    uploadSegmentCsv(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSegment($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      id\n      name\n      kind\n      size\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSegment($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      id\n      name\n      kind\n      size\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSegment($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      id\n      name\n      description\n      isTest\n      definition\n      status\n      lastError\n      size\n      computedAt\n      updatedAt\n      timeSensitive\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSegment($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      id\n      name\n      description\n      isTest\n      definition\n      status\n      lastError\n      size\n      computedAt\n      updatedAt\n      timeSensitive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecomputeSegment($id: ID!) {\n    recomputeSegment(id: $id) {\n      id\n      size\n      status\n      lastError\n      computedAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RecomputeSegment($id: ID!) {\n    recomputeSegment(id: $id) {\n      id\n      size\n      status\n      lastError\n      computedAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsApiKeys {\n    apiKeys {\n      id\n      name\n      kind\n      prefix\n      createdAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query SettingsApiKeys {\n    apiKeys {\n      id\n      name\n      kind\n      prefix\n      createdAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n        kind\n        prefix\n        createdAt\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n        kind\n        prefix\n        createdAt\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsChannels {\n    channelSettings {\n      email {\n        mode\n        smtpHost\n        smtpPort\n        smtpSecure\n        smtpUser\n        hasPassword\n        fromEmail\n        fromName\n      }\n      webhook {\n        headerNames\n        timeoutSeconds\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsChannels {\n    channelSettings {\n      email {\n        mode\n        smtpHost\n        smtpPort\n        smtpSecure\n        smtpUser\n        hasPassword\n        fromEmail\n        fromName\n      }\n      webhook {\n        headerNames\n        timeoutSeconds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsUpdateEmailChannel($input: UpdateEmailChannelInput!) {\n    updateEmailChannel(input: $input) {\n      email {\n        mode\n        smtpHost\n        smtpPort\n        smtpSecure\n        smtpUser\n        hasPassword\n        fromEmail\n        fromName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsUpdateEmailChannel($input: UpdateEmailChannelInput!) {\n    updateEmailChannel(input: $input) {\n      email {\n        mode\n        smtpHost\n        smtpPort\n        smtpSecure\n        smtpUser\n        hasPassword\n        fromEmail\n        fromName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsUpdateWebhookChannel($input: UpdateWebhookChannelInput!) {\n    updateWebhookChannel(input: $input) {\n      webhook {\n        headerNames\n        timeoutSeconds\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsUpdateWebhookChannel($input: UpdateWebhookChannelInput!) {\n    updateWebhookChannel(input: $input) {\n      webhook {\n        headerNames\n        timeoutSeconds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsSendTestMessage($input: SendTestMessageInput!) {\n    sendTestMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsSendTestMessage($input: SendTestMessageInput!) {\n    sendTestMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsMembers {\n    members {\n      role\n      createdAt\n      account {\n        id\n        email\n        name\n        lastSignInAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsMembers {\n    members {\n      role\n      createdAt\n      account {\n        id\n        email\n        name\n        lastSignInAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      role\n      account {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      role\n      account {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsUpdateMemberRole($accountId: ID!, $role: MemberRole!) {\n    updateMemberRole(accountId: $accountId, role: $role) {\n      role\n      account {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SettingsUpdateMemberRole($accountId: ID!, $role: MemberRole!) {\n    updateMemberRole(accountId: $accountId, role: $role) {\n      role\n      account {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettingsRemoveMember($accountId: ID!) {\n    removeMember(accountId: $accountId)\n  }\n"): (typeof documents)["\n  mutation SettingsRemoveMember($accountId: ID!) {\n    removeMember(accountId: $accountId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          externalId\n          anonymous\n          email\n          phone\n          city\n          country\n          firstSeenAt\n          lastSeenAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          externalId\n          anonymous\n          email\n          phone\n          city\n          country\n          firstSeenAt\n          lastSeenAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFilterAttributes {\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n  }\n"): (typeof documents)["\n  query UserFilterAttributes {\n    attributeDefinitions {\n      id\n      name\n      displayName\n      type\n      system\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFilterSegments {\n    segments {\n      id\n      name\n      kind\n      size\n    }\n  }\n"): (typeof documents)["\n  query UserFilterSegments {\n    segments {\n      id\n      name\n      kind\n      size\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserProfile($id: ID!) {\n    user(id: $id) {\n      id\n      externalId\n      anonymous\n      email\n      phone\n      firstSeenAt\n      lastSeenAt\n      createdAt\n      attributes {\n        name\n        displayName\n        value\n        system\n      }\n      identities {\n        kind\n        value\n        createdAt\n      }\n      segments {\n        enteredAt\n        segment {\n          id\n          name\n          kind\n        }\n      }\n      segmentHistory(first: 50) {\n        enteredAt\n        exitedAt\n        segment {\n          id\n          name\n        }\n      }\n      journeyRuns {\n        id\n        status\n        version\n        entryNumber\n        enteredAt\n        endedAt\n        endReason\n        convertedAt\n        currentNodeId\n        waitingSince\n        listeningTo\n        workflowId\n        journey {\n          id\n          name\n        }\n        steps {\n          seq\n          nodeId\n          kind\n          branch\n          reason\n          messageId\n          at\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserProfile($id: ID!) {\n    user(id: $id) {\n      id\n      externalId\n      anonymous\n      email\n      phone\n      firstSeenAt\n      lastSeenAt\n      createdAt\n      attributes {\n        name\n        displayName\n        value\n        system\n      }\n      identities {\n        kind\n        value\n        createdAt\n      }\n      segments {\n        enteredAt\n        segment {\n          id\n          name\n          kind\n        }\n      }\n      segmentHistory(first: 50) {\n        enteredAt\n        exitedAt\n        segment {\n          id\n          name\n        }\n      }\n      journeyRuns {\n        id\n        status\n        version\n        entryNumber\n        enteredAt\n        endedAt\n        endReason\n        convertedAt\n        currentNodeId\n        waitingSince\n        listeningTo\n        workflowId\n        journey {\n          id\n          name\n        }\n        steps {\n          seq\n          nodeId\n          kind\n          branch\n          reason\n          messageId\n          at\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserTimeline($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            type\n            timestamp\n            receivedAt\n            messageId\n            properties\n            context\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserTimeline($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            type\n            timestamp\n            receivedAt\n            messageId\n            properties\n            context\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserMessages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      id\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserMessages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    user(id: $id) {\n      id\n      messages(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyNodesForStepLog($id: ID!) {\n    journey(id: $id) {\n      id\n      versions {\n        version\n        definition\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyNodesForStepLog($id: ID!) {\n    journey(id: $id) {\n      id\n      versions {\n        version\n        definition\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    channel\n    purpose\n    status\n    provider\n    recipient\n    subject\n    error\n    responseStatus\n    attempts\n    test\n    journeyId\n    nodeId\n    createdAt\n    sentAt\n  }\n"): (typeof documents)["\n  fragment MessageFields on Message {\n    id\n    channel\n    purpose\n    status\n    provider\n    recipient\n    subject\n    error\n    responseStatus\n    attempts\n    test\n    journeyId\n    nodeId\n    createdAt\n    sentAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      role\n      canEdit\n      isAdmin\n      account {\n        name\n        email\n      }\n      workspace {\n        id\n        name\n        slug\n        timezone\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      role\n      canEdit\n      isAdmin\n      account {\n        name\n        email\n      }\n      workspace {\n        id\n        name\n        slug\n        timezone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;