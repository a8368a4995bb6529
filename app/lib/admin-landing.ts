/**
 * The landing-page editor's actions: each checks content:write again, reads its form, and calls the landing pages
 * service; failures come back as a message and field errors, successes as a redirect (so a reload never re-posts).
 */
import type { RequestEventAction } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { PublishSchedule } from '@domain/content/landing-page';
import { statusOfError } from '@domain/core/errors';
import type { DomainError } from '@domain/core/result';
import {
  createLandingPage,
  createPreviewLink,
  deleteLandingPage,
  publishLandingPage,
  restoreLandingPageRevision,
  saveLandingPageDraft,
  unpublishLandingPage,
} from '@worker/services/content/landing-pages';
import { staffWith } from '~/lib/admin-session';
import { utcMillis } from '~/lib/banner-form';
import { applyOp, type LandingFormValues, opOf, parseLandingForm, readLandingForm } from '~/lib/landing-form';

type Event = RequestEventAction<QwikCityPlatform>;
type Data = Record<string, unknown>;

/** What every editor action answers when it does not redirect. */
export interface LandingActionResult {
  failed?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: LandingFormValues;
  previewPath?: string;
  previewExpiresAt?: number;
}

function editorPath(id: string, flag: string) {
  return `/admin/content/pages/${id}?${flag}=1`;
}

async function contextOf(event: Event) {
  const actor = await staffWith(event, 'content:write');
  if (!actor) return null;
  return {
    db: createDb(event.platform.env),
    actor,
    now: Date.now(),
    requestId: event.request.headers.get('X-Request-Id') ?? undefined,
  };
}

function forbidden(event: Event) {
  return event.fail(403, { message: 'Your roles do not allow editing pages.' });
}

/** A service failure as the form's message and field errors. */
function failure(event: Event, error: DomainError, values?: LandingFormValues) {
  const fieldErrors: Record<string, string> = {};
  for (const issue of (error.meta?.errors ?? []) as { path: string; message: string }[])
    fieldErrors[issue.path] ??= issue.message;
  return event.fail(statusOfError(error.code), { message: error.detail, fieldErrors, values });
}

function versionOf(data: Data) {
  const v = Number.parseInt(typeof data.version === 'string' ? data.version : '', 10);
  return Number.isSafeInteger(v) ? v : -1;
}

export async function createPageAction(data: Data, event: Event) {
  const ctx = await contextOf(event);
  if (!ctx) return forbidden(event);
  const values = readLandingForm(data);
  const title = values.title.trim();
  if (!title || title.length > 160)
    return event.fail(400, {
      message: 'Please check the highlighted fields.',
      fieldErrors: { title: 'Give the page a title (up to 160 characters).' },
      values,
    });
  const slug = values.slug.trim();
  const result = await createLandingPage(ctx, { title, slug });
  if (!result.ok) return failure(event, result.error, values);
  throw event.redirect(303, editorPath(result.value.id, 'created'));
}

/** The editor form: a block operation re-renders it unsaved; a save checks and stores it as a new revision. */
export async function editPageAction(data: Data, event: Event, id: string): Promise<LandingActionResult> {
  const values = readLandingForm(data);
  const op = opOf(data);
  if (op.kind !== 'save') {
    const next = applyOp(values, op);
    return { message: next.message, values: next.values };
  }
  const ctx = await contextOf(event);
  if (!ctx) return forbidden(event);
  const parsed = parseLandingForm(values);
  if (!parsed.ok)
    return event.fail(400, {
      message: 'The draft was not saved: please check the highlighted fields.',
      fieldErrors: parsed.fieldErrors,
      values,
    });
  const result = await saveLandingPageDraft(ctx, id, parsed);
  if (!result.ok) return failure(event, result.error, values);
  throw event.redirect(303, editorPath(id, 'saved'));
}

export async function publishPageAction(data: Data, event: Event, id: string) {
  const ctx = await contextOf(event);
  if (!ctx) return forbidden(event);
  const schedule = PublishSchedule.safeParse({
    publishAt: utcMillis(typeof data.publishAt === 'string' ? data.publishAt : ''),
    unpublishAt: utcMillis(typeof data.unpublishAt === 'string' ? data.unpublishAt : ''),
  });
  if (!schedule.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of schedule.error.issues)
      fieldErrors[String(issue.path[0])] ??=
        issue.code === 'custom' ? issue.message : 'Enter a date and time, e.g. 2026-12-24 09:00.';
    return event.fail(400, { message: 'Please check the publishing times.', fieldErrors });
  }
  const result = await publishLandingPage(ctx, id, { version: versionOf(data), ...schedule.data });
  if (!result.ok) return failure(event, result.error);
  throw event.redirect(303, editorPath(id, 'published'));
}

export async function unpublishPageAction(data: Data, event: Event, id: string) {
  const ctx = await contextOf(event);
  if (!ctx) return forbidden(event);
  const result = await unpublishLandingPage(ctx, id, { version: versionOf(data) });
  if (!result.ok) return failure(event, result.error);
  throw event.redirect(303, editorPath(id, 'unpublished'));
}

export async function restorePageAction(data: Data, event: Event, id: string) {
  const ctx = await contextOf(event);
  if (!ctx) return forbidden(event);
  const number = Number.parseInt(typeof data.number === 'string' ? data.number : '', 10);
  if (!Number.isSafeInteger(number) || number < 1) return event.fail(400, { message: 'Choose a revision.' });
  const result = await restoreLandingPageRevision(ctx, id, { version: versionOf(data), number });
  if (!result.ok) return failure(event, result.error);
  throw event.redirect(303, editorPath(id, 'restored'));
}

export async function previewPageAction(data: Data, event: Event, id: string): Promise<LandingActionResult> {
  const ctx = await contextOf(event);
  if (!ctx) return forbidden(event);
  const hours = Number.parseInt(typeof data.hours === 'string' ? data.hours : '', 10);
  const result = await createPreviewLink(ctx, id, hours);
  if (!result.ok) return failure(event, result.error);
  return {
    message: 'Preview link created. Anyone with it can see the saved draft until it expires.',
    previewPath: result.value.path,
    previewExpiresAt: result.value.expiresAt,
  };
}

export async function deletePageAction(data: Data, event: Event, id: string) {
  const ctx = await contextOf(event);
  if (!ctx) return forbidden(event);
  if (data.confirm !== 'yes')
    return event.fail(400, { message: 'Tick the box to confirm that the page should be deleted.' });
  const result = await deleteLandingPage(ctx, id, { version: versionOf(data) });
  if (!result.ok) return failure(event, result.error);
  throw event.redirect(303, '/admin/content/pages?deleted=1');
}
