using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using NetGen.Bench.Micro;

// Short runs by default (the whole set in a few minutes); pass BenchmarkDotNet's own options to change that,
// e.g. `--job default` or `--filter *Mnist*`.
IConfig config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithId("ShortRun"));
BenchmarkSwitcher.FromAssembly(typeof(XorBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
