using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NetGen.Bench.Micro;

// Short runs by default (the whole set in a few minutes); pass BenchmarkDotNet's own options to change that,
// e.g. `--job default` or `--filter *Mnist*`. `--short-in-process` runs the short job in this process (no build of a
// boilerplate project: for a busy machine, where that build can pass BenchmarkDotNet's two-minute limit).
bool inProcess = args.Contains("--short-in-process");
args = args.Where(a => a != "--short-in-process").ToArray();
Job job = Job.ShortRun.WithId("ShortRun");
IConfig config = DefaultConfig.Instance.AddJob(inProcess ? job.WithToolchain(InProcessEmitToolchain.Instance) : job);
BenchmarkSwitcher.FromAssembly(typeof(XorBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
