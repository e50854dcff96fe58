#!/usr/bin/env node
// Decode-only throughput of Garmin's official FIT SDK (@garmin/fitsdk) over
// the files named on the command line, for bench/import to compare with.
// Usage: node bench/fitsdk.mjs PASSES FILE...
// Prints one JSON line: {"peer", "files", "bytes", "passes", "seconds", "mb_per_s"}.
// The files are read into memory first; one warm-up pass, then PASSES timed
// passes of `new Decoder(Stream.fromBuffer(buf)).read()` with the SDK's
// default options, as ../shared/tools/oracle/fit_bench.mjs does.
import { readFileSync } from 'node:fs';
import { Decoder, Stream } from '@garmin/fitsdk';

const [passesArg, ...paths] = process.argv.slice(2);
const passes = Number(passesArg);
if (!(passes > 0) || paths.length === 0) {
  console.error('usage: node bench/fitsdk.mjs PASSES FILE...');
  process.exit(2);
}
const bufs = paths.map((p) => readFileSync(p));
const bytes = bufs.reduce((a, b) => a + b.length, 0);
const decode = (buf) => {
  try {
    new Decoder(Stream.fromBuffer(buf)).read();
  } catch {
    // a damaged file costs what it costs; the time still counts
  }
};
for (const b of bufs) decode(b);
const t0 = process.hrtime.bigint();
for (let i = 0; i < passes; i++) for (const b of bufs) decode(b);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({
  peer: '@garmin/fitsdk 21.217.0', files: bufs.length, bytes, passes, seconds,
  mb_per_s: (bytes * passes) / 1e6 / seconds,
}));
