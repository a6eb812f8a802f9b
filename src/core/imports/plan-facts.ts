import type { Channel } from '../../shared/metrics/channels';
import type { ImportKind } from '../../shared/imports/import-kinds';
import type { Period } from '../../shared/imports/grid';
import { activityFacts, contactFacts, groupFacts, salesFacts, type FactTableSpec } from './fact-tables';
import type { FactWriter } from './fact-writes';
import type { IdentityIndex, RowIdentity } from './identity';
import { rejected, type CoercedRow, type PlannedWrite, type RowOutcome } from './planned-write';
import { guideMatchError, rowError } from './row-errors';

export interface FactPlanContext {
  identity: IdentityIndex;
  writer: FactWriter;
  period: Period | null;
  defaultChannel: Channel | null;
  /** First row number seen per fact key, to report repeats within the file. */
  seen: Map<string, number>;
}

function metricsOf(row: CoercedRow, spec: FactTableSpec): Record<string, number | null> {
  const metrics: Record<string, number | null> = {};
  for (const field of Object.keys(spec.metrics)) {
    const value = row.values[field];
    metrics[field] = typeof value === 'number' ? value : null;
  }
  return metrics;
}

function textOf(row: CoercedRow, field: string): string | null {
  const value = row.values[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Who a row is about, as far as its cells say (a department path names the store). */
export function rowIdentity(row: CoercedRow): RowIdentity {
  return {
    staffNo: textOf(row, 'staffNo'),
    wecomAccount: textOf(row, 'wecomAccount'),
    guideName: textOf(row, 'guideName'),
    storeCode: textOf(row, 'storeCode'),
    storeName: textOf(row, 'storeName'),
    department: textOf(row, 'department'),
  };
}

/** Plans one data row of a fact file (sales, WeCom contacts, groups, daily). */
export function planFactRow(
  kind: Exclude<ImportKind, 'roster'>,
  row: CoercedRow,
  context: FactPlanContext,
): RowOutcome {
  const v = row.values;
  const text = (field: string) => textOf(row, field);
  const identity = rowIdentity(row);
  if (!identity.staffNo && !identity.wecomAccount && !identity.guideName) {
    return rejected([rowError(row, 'guideName', 'missingValue')]);
  }
  const date = kind === 'wecom-contacts' ? null : text('date');
  if (kind !== 'wecom-contacts' && !date) return rejected([rowError(row, 'date', 'missingValue')]);
  if (kind === 'sales' && v.grossSales === null) return rejected([rowError(row, 'grossSales', 'missingValue')]);
  const channel = kind === 'sales' ? ((text('channel') as Channel | null) ?? context.defaultChannel) : null;
  if (kind === 'sales' && !channel) return rejected([rowError(row, 'channel', 'missingValue')]);

  const match = context.identity.matchGuide(identity);
  if (match.kind !== 'found') {
    const problem = guideMatchError(row, match);
    return rejected([problem.error], { guide: problem.guide, store: problem.store });
  }

  const targets: { spec: FactTableSpec; key: Record<string, unknown> }[] = [];
  const guideKey = { guide_id: match.guideId };
  switch (kind) {
    case 'sales':
      targets.push({ spec: salesFacts, key: { store_id: match.storeId, ...guideKey, date, channel } });
      break;
    case 'wecom-contacts':
      targets.push({
        spec: contactFacts,
        key: { ...guideKey, period_from: context.period!.from, period_to: context.period!.to },
      });
      break;
    case 'wecom-groups':
      targets.push({ spec: groupFacts, key: { ...guideKey, date } });
      break;
    case 'daily':
      targets.push({ spec: activityFacts, key: { ...guideKey, date } });
      targets.push({ spec: contactFacts, key: { ...guideKey, period_from: date, period_to: date } });
      break;
  }

  // The facts' own keys (a sale's includes its store): a guide's WeCom figures for one period are
  // one fact whichever department row they came from, and two would break the table's unique key.
  const factKey = targets
    .map((target) => `${target.spec.table}\u0000${Object.values(target.key).join('\u0000')}`)
    .join('\u0001');
  const first = context.seen.get(factKey);
  if (first !== undefined) return rejected([rowError(row, null, 'duplicateRow', { first })]);
  context.seen.set(factKey, row.rowNumber);

  // Named only in before → after lists, so made only for a row that changes a stored fact.
  let label: string | undefined;
  const labelOf = () =>
    (label ??= [
      identity.storeCode ?? identity.storeName ?? identity.department,
      identity.guideName ?? identity.staffNo,
      date ?? `${context.period!.from}~${context.period!.to}`,
      channel,
    ]
      .filter(Boolean)
      .join(' '));
  const writes: PlannedWrite[] = [];
  const outcome: RowOutcome = { status: 'unchanged', writes, changes: [] };
  let imported = false;
  let updated = false;
  for (const target of targets) {
    const planned = context.writer.plan(target.spec, target.key, match.storeId, metricsOf(row, target.spec), {
      row: row.rowNumber,
      label: labelOf,
    });
    if (planned.write) writes.push(planned.write);
    if (planned.changes.length > 0) outcome.changes.push(...planned.changes);
    imported ||= planned.status === 'imported';
    updated ||= planned.status === 'updated';
  }
  // A daily row may add one fact and change another: it counts as updated unless all is new.
  if (updated || (imported && writes.some((write) => write.previous))) outcome.status = 'updated';
  else if (imported) outcome.status = 'imported';
  return outcome;
}
