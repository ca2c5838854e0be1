// Pathological input shapes for run.mjs: each written at 1x and 10x its size and extracted in a child
// (bench/stages.mjs), so that cost linear in input size is measured for every shape, not only for ordinary reports.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Each shape: a name and the text of `n` units. The unit counts give 1x documents of 0.1-0.5 MB (the spaces run longer, 1 M and 10 M: its 1x takes a few ms). */
export const SHAPES = [
  { name: 'one line full of figures', unit: 4_000, make: (n) => `一、总体目标\n${'新建学校12所投资3.5亿元增长7%'.repeat(n)}\n` },
  { name: 'a long run of spaces', unit: 1_000_000, make: (n) => `一、总体目标\n新建学校12所${' '.repeat(n)}投资3亿元。\n` },
  { name: 'many short lines', unit: 20_000, make: (n) => '推进改革\n'.repeat(n) },
  { name: 'figures with 万/亿 on short lines', unit: 25_000, make: (n) => '12万\n3亿\n'.repeat(n) },
];

/** Write each shape at 1x and 10x into `dir`; returns [{name, one, ten}] with the file paths. */
export function writeShapes(dir) {
  mkdirSync(dir, { recursive: true });
  return SHAPES.map((s, i) => {
    const one = join(dir, `shape${i}-1x.txt`);
    const ten = join(dir, `shape${i}-10x.txt`);
    writeFileSync(one, s.make(s.unit));
    writeFileSync(ten, s.make(10 * s.unit));
    return { name: s.name, one, ten };
  });
}
