// Preloaded (`node --import`) into each process the import benchmark times: on exit it reports
// the process's own CPU time and peak memory on stderr, one line the benchmark picks out.
process.on('exit', () => {
  const usage = process.resourceUsage();
  const report = { cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMb: usage.maxRSS / 1024 };
  process.stderr.write(`\n@usage ${JSON.stringify(report)}\n`);
});
