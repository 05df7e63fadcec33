using System;
using System.IO;
using System.Text.Json;
using NetGen.Bench;

if (args.Length == 2 && args[0] == "export-data")
{
    DataExport.WriteAll(args[1]);
    return 0;
}

RunOptions options;
try
{
    options = RunOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    Console.Error.WriteLine(RunOptions.Usage);
    return 2;
}

Workload workload = options.Workload;
Samples data;
float[] initialWeights;
string dataDescription;
if (options.DataDirectory is { } directory)
{
    data = CsvSampleFile.Read(Path.Combine(directory, workload.DataFile), workload);
    initialWeights = InitialWeightFile.Read(Path.Combine(directory, workload.InitFile), workload);
    dataDescription = Path.GetFullPath(directory);
}
else
{
    data = BuiltInData.For(workload);
    initialWeights = BuiltInData.InitialWeights(workload);
    dataDescription = "built-in";
}

RunResult result = workload.Network switch
{
    "xor" => WorkloadRunner<XorCalls>.Run(options, data, initialWeights, dataDescription),
    "iris" => WorkloadRunner<IrisCalls>.Run(options, data, initialWeights, dataDescription),
    "digits" => WorkloadRunner<DigitsCalls>.Run(options, data, initialWeights, dataDescription),
    "mnist" => WorkloadRunner<MnistCalls>.Run(options, data, initialWeights, dataDescription),
    "deep" => WorkloadRunner<DeepCalls>.Run(options, data, initialWeights, dataDescription),
    _ => throw new InvalidOperationException(workload.Network),
};

Console.WriteLine(JsonSerializer.Serialize(result, RunResultJson.Default.RunResult));
return 0;
