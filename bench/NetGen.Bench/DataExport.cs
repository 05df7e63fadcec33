using System.Collections.Generic;
using System.IO;

namespace NetGen.Bench;

/// <summary>Writes the built-in data and initial weights in the yardstick's file format (so handc can run on them too).</summary>
internal static class DataExport
{
    public static void WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new HashSet<string>();
        foreach (string name in WorkloadTable.Order)
        {
            Workload workload = WorkloadTable.All[name];
            if (written.Add(workload.DataFile))
            {
                CsvSampleFile.Write(Path.Combine(directory, workload.DataFile), BuiltInData.For(workload), workload);
            }

            if (written.Add(workload.InitFile))
            {
                InitialWeightFile.Write(Path.Combine(directory, workload.InitFile), BuiltInData.InitialWeights(workload), workload);
            }
        }
    }
}
