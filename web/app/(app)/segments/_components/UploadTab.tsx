'use client';

import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { errorDetails } from '@/lib/errors';
import { formatCount, formatDateTime } from '@/lib/format';
import type { SegmentUploadIdType } from '@/lib/gql/graphql';
import { useViewer } from '@/lib/viewer';
import { countLines, UploadFailure, uploadSegmentCsv } from '../_lib/upload';
import { SEGMENT_DETAIL_QUERY, SEGMENT_UPLOAD_PROGRESS_QUERY, SEGMENT_UPLOAD_REPORT_QUERY, SEGMENT_UPLOADS_QUERY, SEGMENTS_QUERY, type SegmentDetailData, type UploadProgress } from '../_queries';
import s from './Segments.module.css';

/** Unmatched rows shown in a report (the API keeps the first 10,000). */
const REPORT_ROWS = 100;
const POLL_MS = 500;

const idTypes: Array<{ value: SegmentUploadIdType; label: string }> = [
  { value: 'AUTO', label: 'Detect per row (email, phone, else userId)' },
  { value: 'USER_ID', label: 'userId' },
  { value: 'EMAIL', label: 'Email' },
  { value: 'PHONE', label: 'Phone number' },
];
const idTypeNames: Record<string, string> = { auto: 'detected per row', userId: 'userIds', email: 'emails', phone: 'phone numbers' };

/** CSV uploads to a static segment: choose, send (multipart), follow the matching, read the report. */
export function UploadTab({ segment }: { segment: SegmentDetailData }) {
  const viewer = useViewer();
  const client = useApolloClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [idType, setIdType] = useState<SegmentUploadIdType>('AUTO');
  const [replace, setReplace] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [current, setCurrent] = useState<{ id: string; estimatedRows?: number; fresh: boolean } | null>(null);
  const uploads = useQuery(SEGMENT_UPLOADS_QUERY, { variables: { id: segment.id }, fetchPolicy: 'cache-and-network' });

  const send = async () => {
    setConfirming(false);
    setFormError(null);
    setFileError(null);
    if (!file) return setFileError('Choose a CSV file');
    setSending(0);
    try {
      const [upload, lines] = await Promise.all([uploadSegmentCsv({ segmentId: segment.id, file, idType, replace }, setSending), countLines(file).catch(() => undefined)]);
      setCurrent({ id: upload.id, estimatedRows: lines, fresh: true });
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      const failure = error instanceof UploadFailure ? error : null;
      const fileProblem = failure?.problems.find((p) => p.field === 'input.file');
      if (fileProblem) setFileError(fileProblem.message);
      else setFormError(failure?.message ?? errorDetails(error).message);
    } finally {
      setSending(null);
    }
  };

  const onSubmit = () => {
    if (!file) return setFileError('Choose a CSV file');
    if (replace) setConfirming(true);
    else void send();
  };

  return (
    <div className={s.uploadLayout}>
      {viewer.canEdit ? (
        <section className="panel" aria-labelledby="upload-title">
          <div className="panel__header">
            <h2 id="upload-title" className="panel__title">
              Upload a CSV
            </h2>
            <p className="panel__meta">Up to 1,000,000 rows · one value per line, or a column named userId, email or phone</p>
          </div>
          <div className={s.uploadForm}>
            <Field label="CSV file" error={fileError} hint={file ? `${file.name} · ${formatBytes(file.size)}` : 'A .csv or .txt file'}>
              {(props) => (
                <input
                  {...props}
                  ref={fileInput}
                  type="file"
                  accept=".csv,.txt,text/csv,text/plain"
                  className={s.fileInput}
                  onChange={(event) => {
                    setFile(event.target.files?.[0] ?? null);
                    setFileError(null);
                  }}
                />
              )}
            </Field>
            <Field label="Rows identify users by">
              {(props) => (
                <select {...props} className={`select ${s.select}`} value={idType} onChange={(event) => setIdType(event.target.value as SegmentUploadIdType)}>
                  {idTypes.map((t) => (
                    <option key={t.value} value={t.value}>
                      {t.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className={s.choiceRow} role="radiogroup" aria-label="Members">
              <span className="field__label">Members</span>
              <label className={s.choice}>
                <input type="radio" name="upload-mode" checked={!replace} onChange={() => setReplace(false)} />
                <span>Add the file’s users to the current members</span>
              </label>
              <label className={s.choice}>
                <input type="radio" name="upload-mode" checked={replace} onChange={() => setReplace(true)} />
                <span>Replace the current members with the file’s users</span>
              </label>
            </div>
            <div className={s.uploadActions}>
              <button type="button" className="button button--primary" onClick={onSubmit} disabled={sending !== null}>
                {sending !== null ? 'Sending…' : 'Upload'}
              </button>
              {sending !== null ? <ProgressBar label="Sending the file" fraction={sending} text={`Sending the file: ${Math.round(sending * 100)}%`} /> : null}
            </div>
            {formError ? (
              <p className="field__error" role="alert">
                {formError}
              </p>
            ) : null}
          </div>
        </section>
      ) : null}

      {current ? (
        <UploadProgressPanel
          key={current.id}
          uploadId={current.id}
          estimatedRows={current.estimatedRows}
          fresh={current.fresh}
          onFinished={() => void client.refetchQueries({ include: [SEGMENT_DETAIL_QUERY, SEGMENT_UPLOADS_QUERY, SEGMENTS_QUERY] })}
        />
      ) : null}

      <section className="panel" aria-labelledby="uploads-title">
        <div className="panel__header">
          <h2 id="uploads-title" className="panel__title">
            Uploads
          </h2>
          <p className="panel__meta">Newest first</p>
        </div>
        {uploads.error && !uploads.data ? (
          <ErrorState title="The uploads could not be loaded" error={uploads.error} retrying={uploads.loading} onRetry={() => void uploads.refetch().catch(() => undefined)} />
        ) : !uploads.data ? (
          <div className="skeleton-rows">
            <Skeleton width="100%" height="1.25rem" />
            <Skeleton width="100%" height="1.25rem" />
          </div>
        ) : !uploads.data.segment?.uploads.length ? (
          <EmptyState title="No uploads yet">{viewer.canEdit ? 'Upload a CSV above to fill this segment.' : 'Editors upload CSVs of users to fill static segments.'}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Uploaded</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Matched
                  </th>
                  <th scope="col" className="num">
                    Unmatched
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Report</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {uploads.data.segment.uploads.map((upload) => (
                  <tr key={upload.id}>
                    <td className="strong">{upload.fileName}</td>
                    <td>{formatDateTime(upload.createdAt, viewer.workspace.timezone)}</td>
                    <td>
                      {upload.replace ? 'Replace' : 'Add'} · {idTypeNames[upload.idType] ?? upload.idType}
                    </td>
                    <td>
                      <UploadStatus status={upload.status} />
                    </td>
                    <td className="num">{formatCount(upload.matchedRows)}</td>
                    <td className="num">{formatCount(upload.unmatchedRows)}</td>
                    <td>
                      <button type="button" className={s.linkButton} onClick={() => setCurrent({ id: upload.id, fresh: false })} aria-label={`Show the report of ${upload.fileName}`}>
                        {current?.id === upload.id ? 'Shown' : 'Report'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {confirming ? (
        <ConfirmDialog open title="Replace the members?" confirmLabel="Replace members" onConfirm={() => void send()} onCancel={() => setConfirming(false)}>
          The {formatCount(segment.size)} current {segment.size === 1 ? 'member' : 'members'} of “{segment.name}” leave it, and the users of {file?.name ?? 'the file'} become its members.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function UploadStatus({ status }: { status: UploadProgress['status'] }) {
  if (status === 'PROCESSING') return <span className={`badge ${s.badgeComputing}`}>Matching</span>;
  if (status === 'FAILED') return <span className="badge badge--blocked">Failed</span>;
  return <span className="badge badge--active">Done</span>;
}

function ProgressBar({ label, fraction, text }: { label: string; fraction: number | null; text: string }) {
  const percent = fraction === null ? undefined : Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return (
    <div className={s.progressWrap}>
      <div className={`${s.progress} ${percent === undefined ? s.progressIndeterminate : ''}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text}>
        <div className={s.progressFill} style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
      <span className={s.progressText}>{text}</span>
    </div>
  );
}

/** Follows one upload (polling `segmentUpload`) until it is done, then shows its report. */
function UploadProgressPanel({ uploadId, estimatedRows, fresh, onFinished }: { uploadId: string; estimatedRows?: number; fresh: boolean; onFinished: () => void }) {
  const client = useApolloClient();
  const { workspace } = useViewer();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sawProcessing = false;
    const poll = async () => {
      try {
        const { data } = await client.query({ query: SEGMENT_UPLOAD_PROGRESS_QUERY, variables: { id: uploadId }, fetchPolicy: 'network-only' });
        if (cancelled) return;
        const upload = data?.segmentUpload ?? null;
        setProgress(upload);
        setPollError(null);
        if (upload?.status === 'PROCESSING') {
          sawProcessing = true;
          timer = setTimeout(() => void poll(), POLL_MS);
        } else if (sawProcessing || fresh) {
          finished.current();
        }
      } catch (error) {
        if (cancelled) return;
        setPollError(error);
        timer = setTimeout(() => void poll(), POLL_MS * 4);
      }
    };
    void poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, uploadId, fresh]);

  const done = progress?.status === 'DONE' || progress?.status === 'FAILED';
  const report = useQuery(SEGMENT_UPLOAD_REPORT_QUERY, { variables: { id: uploadId, first: REPORT_ROWS }, skip: !done, fetchPolicy: 'network-only' });

  if (!progress) {
    return pollError ? (
      <ErrorState title="The upload’s progress could not be read" error={pollError} onRetry={() => setPollError(null)} />
    ) : (
      <section className="panel" aria-busy="true">
        <div className="skeleton-rows">
          <Skeleton width="40%" height="1.25rem" />
          <Skeleton width="100%" height="0.75rem" />
        </div>
      </section>
    );
  }

  const total = progress.totalRows > 0 ? progress.totalRows : estimatedRows;
  const rows = report.data?.segmentUpload?.unmatched ?? [];
  return (
    <section className="panel" aria-labelledby="upload-report-title" data-testid="upload-report" data-status={progress.status}>
      <div className="panel__header">
        <h2 id="upload-report-title" className="panel__title">
          {done ? 'Upload report' : 'Matching the file'} · {progress.fileName}
        </h2>
        <p className="panel__meta">
          {formatDateTime(progress.createdAt, workspace.timezone)} · {progress.replace ? 'replaced the members' : 'added to the members'} · {idTypeNames[progress.idType] ?? progress.idType}
        </p>
      </div>
      <div className={s.reportBody}>
        {progress.status === 'PROCESSING' ? (
          <ProgressBar
            label="Matching rows"
            fraction={total ? Math.min(1, progress.processedRows / total) : null}
            text={total ? `${formatCount(progress.processedRows)} of ${progress.totalRows > 0 ? '' : 'about '}${formatCount(total)} rows matched against users` : `${formatCount(progress.processedRows)} rows matched against users so far`}
          />
        ) : (
          <ProgressBar label="Matching rows" fraction={1} text={`${formatCount(progress.processedRows)} of ${formatCount(progress.totalRows || progress.processedRows)} rows processed`} />
        )}
        {progress.status === 'FAILED' ? (
          <p className="field__error" role="alert">
            The upload failed: {progress.error ?? 'unknown error'}
          </p>
        ) : null}
        <div className={s.reportStats} aria-label="Upload counts" role="group">
          <div className={s.reportStat}>
            <span className={s.reportStatLabel}>Matched</span>
            <span className={`${s.reportStatValue} ${s.good}`}>{formatCount(progress.matchedRows)}</span>
          </div>
          <div className={s.reportStat}>
            <span className={s.reportStatLabel}>Unmatched</span>
            <span className={`${s.reportStatValue} ${progress.unmatchedRows ? s.bad : ''}`}>{formatCount(progress.unmatchedRows)}</span>
          </div>
          <div className={s.reportStat}>
            <span className={s.reportStatLabel}>Rows</span>
            <span className={s.reportStatValue}>{done ? formatCount(progress.totalRows || progress.processedRows) : '…'}</span>
          </div>
        </div>
        {done && progress.unmatchedRows > 0 ? (
          report.error ? (
            <ErrorState title="The unmatched rows could not be loaded" error={report.error} retrying={report.loading} onRetry={() => void report.refetch().catch(() => undefined)} />
          ) : !report.data ? (
            <Skeleton width="100%" height="4rem" />
          ) : (
            <>
              <h3 className={s.reportSubtitle}>Rows that matched no user</h3>
              <div className="table-wrap">
                <table className={`table ${s.compactTable}`}>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Row
                      </th>
                      <th scope="col">Value</th>
                      <th scope="col">Reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.row}>
                        <td className="num">{formatCount(row.row)}</td>
                        <td className="mono">{row.value === '' ? <span className="muted">(empty)</span> : row.value}</td>
                        <td>{row.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {progress.unmatchedRows > rows.length ? (
                <p className={s.reportNote}>
                  Showing the first {formatCount(rows.length)} of {formatCount(progress.unmatchedRows)} unmatched rows. Rows are numbered from the first after the header.
                </p>
              ) : (
                <p className={s.reportNote}>Rows are numbered from the first after the header.</p>
              )}
            </>
          )
        ) : null}
      </div>
    </section>
  );
}
