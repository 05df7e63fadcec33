using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NetGen.Bench;

/// <summary>The yardstick's CSV format: no header, features first, the class or target in the last column.</summary>
internal static class CsvSampleFile
{
    public static Samples Read(string path, Workload workload)
    {
        var inputs = new List<float>();
        var last = new List<float>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (fields.Length != workload.InputSize + 1)
            {
                throw new FormatException($"{path}:{lineNumber}: {fields.Length} fields, expected {workload.InputSize + 1}");
            }

            for (int c = 0; c < workload.InputSize; c++)
            {
                inputs.Add(float.Parse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture));
            }

            last.Add(float.Parse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return Samples.FromRows(workload, inputs.ToArray(), last.ToArray());
    }

    public static void Write(string path, Samples samples, Workload workload)
    {
        using var writer = new StreamWriter(path);
        for (int r = 0; r < samples.Count; r++)
        {
            ReadOnlySpan<float> x = samples.Input(r);
            for (int c = 0; c < x.Length; c++)
            {
                writer.Write(x[c].ToString("G9", CultureInfo.InvariantCulture));
                writer.Write(',');
            }

            float last = workload.Output == OutputKind.SoftmaxCe ? samples.Labels[r] : samples.Target(r)[0];
            writer.Write(last.ToString("G9", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
