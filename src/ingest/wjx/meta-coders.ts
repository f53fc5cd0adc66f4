import type { Variable } from '../../core/types.js';
import { missingReasonOf } from '../code/code-scalar.js';
import type { ItemCoder, Layout } from '../code/coded-row.js';
import { parseWjxIp } from './parse-wjx-ip.js';
import { WJX_META, type WjxMetaHeader } from './parse-wjx-header.js';

const META_TYPES: Record<WjxMetaHeader, Variable['type']> = {
  序号: 'id',
  提交答卷时间: 'datetime',
  所用时间: 'duration',
  来源: 'text',
  来源详情: 'text',
  来自IP: 'text',
  总分: 'numeric',
};

const META_LABELS_EN: Record<WjxMetaHeader, string> = {
  序号: 'Response number',
  提交答卷时间: 'Submitted at',
  所用时间: 'Time taken (seconds)',
  来源: 'Channel',
  来源详情: 'Channel detail',
  来自IP: 'IP address',
  总分: 'Total score',
};

/** The variable a 问卷星 metadata column becomes when the codebook does not name it. */
export function wjxMetaVariable(meta: WjxMetaHeader): Variable {
  return { name: WJX_META[meta], label: meta, labelEn: META_LABELS_EN[meta], type: META_TYPES[meta], aliases: [] };
}

/** Codes a 来自IP column into the address and a `<name>_region` column (`上海-上海`). */
export function ipCoder(variable: Variable, column: number, header: string, layout: Layout): ItemCoder {
  return {
    outputs: [
      { name: variable.name, variable: variable.name },
      { name: `${variable.name}_region`, variable: variable.name },
    ],
    headers: [header],
    code(cells, sink, at) {
      const raw = cells[column] ?? '';
      const reason = missingReasonOf(raw, layout);
      const ip = reason ? null : parseWjxIp(raw);
      sink.values[at] = ip?.address ?? null;
      sink.reasons[at] = reason;
      sink.values[at + 1] = ip?.region ?? null;
      sink.reasons[at + 1] = ip?.region ? null : (reason ?? 'empty');
    },
  };
}
