using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetGen.Bench;

/// <summary>
/// The yardstick's init_&lt;net&gt;.txt: line 1 the layer sizes, then per layer W [out × in] row-major and b [out].
/// That is NetGen's flat parameter order (math.md: per layer W row-major, then b), so the values are used as read.
/// </summary>
internal static class InitialWeightFile
{
    public static float[] Read(string path, Workload workload)
    {
        string[] lines = File.ReadAllLines(path);
        int[] sizes = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        if (!sizes.SequenceEqual(workload.Sizes))
        {
            throw new FormatException($"{path}: layer sizes {string.Join(' ', sizes)}, expected {string.Join(' ', workload.Sizes)}");
        }

        float[] values = lines.Skip(1)
            .SelectMany(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(t => float.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToArray();
        int expected = ParameterCount(workload.Sizes);
        if (values.Length != expected)
        {
            throw new FormatException($"{path}: {values.Length} values, expected {expected}");
        }

        return values;
    }

    public static void Write(string path, float[] parameters, Workload workload)
    {
        using var writer = new StreamWriter(path);
        writer.Write(string.Join(' ', workload.Sizes));
        writer.Write('\n');
        int p = 0;
        for (int l = 1; l < workload.Sizes.Length; l++)
        {
            int count = (workload.Sizes[l - 1] * workload.Sizes[l]) + workload.Sizes[l];
            writer.Write(string.Join(' ', parameters.Skip(p).Take(count).Select(v => v.ToString("G9", CultureInfo.InvariantCulture))));
            writer.Write('\n');
            p += count;
        }
    }

    public static int ParameterCount(int[] sizes)
    {
        int count = 0;
        for (int l = 1; l < sizes.Length; l++)
        {
            count += (sizes[l - 1] * sizes[l]) + sizes[l];
        }

        return count;
    }
}
