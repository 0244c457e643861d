import { LETTER_KINDS, LETTER_STATES, letterNumber, formatShanghai } from '@hanjiang/shared'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { findLetter, insertCheck, listChecks, listLetters } from '../db/repositories/letters.ts'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { letterDocx, letterHtml } from '../services/evaluation/letter-document.ts'
import { escalateLetters, issueLetter, letterJson, letterScope, letterStep, letterWithEvents } from '../services/evaluation/letters.ts'

/**
 * Efficiency letters (效能预警函 / 效能督办函) and the supervision ledger (督查台账), docs/EVALUATION.md.
 * The office issues, closes (销号) and sends back; the addressed unit's supervisor replies with text and photos
 * (uploaded through POST /api/photos first). Overdue letters escalate when read.
 */

const instant = z.string().max(64).refine((s) => /(Z|[+-]\d{2}:?\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)), 'an ISO-8601 date-time with a zone')
const issueBody = z.object({
  kind: z.enum(LETTER_KINDS),
  unitCode: z.string({ error: 'the recipient unit is required' }).min(1, 'the recipient unit is required').max(40),
  body: z.string().trim().min(1, 'the letter needs a body').max(5000),
  deadline: instant,
  indicator: z.string().max(40).nullish(),
  periodKey: z.string().max(40).nullish(),
  incidentCodes: z.array(z.string().max(40)).max(200).optional(),
})
const stepBody = z.object({
  note: z.string().trim().min(1, 'a note is required').max(5000),
  photos: z.array(z.uuid()).max(20).optional(),
  deadline: instant.optional(),
})
const listQuery = z.object({ state: z.enum(LETTER_STATES).optional(), unit: z.string().max(40).optional() })
const checkBody = z.object({
  checkedAt: instant,
  unitCode: z.string().max(40).nullish(),
  place: z.string().trim().min(1).max(500),
  finding: z.string().trim().min(1).max(5000),
})
const idParam = z.coerce.number().int().positive()

export function letterRoutes({ database }: AppDeps) {
  const letterOr404 = async (c: Context) => {
    const id = parseInput(idParam, c.req.param('id'), 'letter id')
    const scope = letterScope(actorOf(c))
    await escalateLetters(database)
    const l = await findLetter(database, id)
    // Another unit's letter looks exactly like a missing one.
    if (!l || (scope !== null && l.unitCode !== scope)) throw problems.notFound('letter', `No letter ${id}`)
    return l
  }
  const step = (action: 'reply' | 'close' | 'sendBack') => async (c: Context) => {
    const id = parseInput(idParam, c.req.param('id'), 'letter id')
    const b = parseInput(stepBody, await jsonBody(c), 'body')
    await letterStep(database, actorOf(c), id, action, { note: b.note, photos: b.photos, deadline: b.deadline ? new Date(b.deadline) : undefined })
    return c.json(await letterWithEvents(database, (await findLetter(database, id))!))
  }

  return new Hono()
    .get('/letters', async (c) => {
      const q = parseInput(listQuery, c.req.query(), 'query')
      const scope = letterScope(actorOf(c))
      await escalateLetters(database)
      const rows = await listLetters(database, { unitCode: scope ?? q.unit, state: q.state })
      return c.json({ items: rows.map((l) => letterJson(l)) })
    })
    .post('/letters', async (c) => {
      const b = parseInput(issueBody, await jsonBody(c), 'body')
      const id = await issueLetter(database, actorOf(c), {
        kind: b.kind,
        unitCode: b.unitCode,
        body: b.body,
        deadline: new Date(b.deadline),
        indicator: b.indicator ?? null,
        periodKey: b.periodKey ?? null,
        incidentCodes: b.incidentCodes,
      })
      return c.json(await letterWithEvents(database, (await findLetter(database, id))!), 201)
    })
    .get('/letters/:id', async (c) => c.json(await letterWithEvents(database, await letterOr404(c))))
    .post('/letters/:id/reply', step('reply'))
    .post('/letters/:id/close', step('close'))
    .post('/letters/:id/send-back', step('sendBack'))
    .get('/letters/:id/print', async (c) => c.html(letterHtml(await letterOr404(c))))
    .get('/letters/:id/docx', async (c) => {
      const l = await letterOr404(c)
      const bytes = await letterDocx(l)
      const name = `${l.title}${letterNumber(l.year, l.seq)}.docx`
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="letter-${l.year}-${l.seq}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      })
    })
    .get('/supervision/ledger', async (c) => {
      const scope = letterScope(actorOf(c))
      await escalateLetters(database)
      const [letters, checks] = await Promise.all([listLetters(database, { unitCode: scope }), listChecks(database, scope)])
      return c.json({
        letters: letters.map((l) => letterJson(l)),
        checks: checks.map((k) => ({ ...k, checkedAt: formatShanghai(k.checkedAt) })),
      })
    })
    .post('/supervision/checks', async (c) => {
      const b = parseInput(checkBody, await jsonBody(c), 'body')
      const at = new Date(b.checkedAt)
      if (at.getTime() > Date.now()) throw problems.badRequest('check_in_future', 'An unannounced check is recorded after it took place')
      const id = await database.db.transaction((tx) =>
        insertCheck(database, tx, { checkedAt: at, unitCode: b.unitCode ?? null, place: b.place, finding: b.finding, createdBy: actorOf(c).id }),
      )
      return c.json({ id }, 201)
    })
}
