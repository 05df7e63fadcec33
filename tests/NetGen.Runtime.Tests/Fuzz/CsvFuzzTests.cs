using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Data;
using NetGen.Runtime.Tests.Reliability;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Runtime.Tests.Fuzz;

/// <summary>
/// Malformed CSV files, written to disk and loaded by path: each is refused with a <see cref="CsvFormatException"/> whose
/// file, line and column are the ones the corruption was put at (known by construction, not taken from the loader).
/// </summary>
public sealed class CsvFuzzTests : IDisposable
{
    private readonly ITestOutputHelper _output;

    private const int Seed = 1201;
    private const int Rows = 10;
    private const int Width = 4; // three inputs and a class-index label

    private readonly TemporaryFolder _temporary = new("netgen-csvfuzz");

    public CsvFuzzTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _temporary.Dispose();

    private sealed record Case(string Name, string Text, int Line, int Column, CsvOptions? Options = null);

    /// <summary>A header and <see cref="Rows"/> valid rows of three numbers and a label 0–2.</summary>
    private static string[] ValidLines(Random random)
    {
        var lines = new List<string> { "a,b,c,label" };
        for (int r = 0; r < Rows; r++)
        {
            lines.Add(string.Join(",", Enumerable.Range(0, 3).Select(_ => (random.NextDouble() * 10 - 5).ToString("R", CultureInfo.InvariantCulture)))
                + "," + random.Next(0, 3).ToString(CultureInfo.InvariantCulture));
        }

        return lines.ToArray();
    }

    /// <summary>Corruptions of one field: what to write there and which column the error must name (1-based field, as the loader counts).</summary>
    private static readonly (string Name, Func<string[], int, string[]> Corrupt, Func<int, int> Column)[] FieldCorruptions =
    {
        ("not a number", (f, c) => Set(f, c, "abc"), c => c),
        ("empty field", (f, c) => Set(f, c, string.Empty), c => c),
        ("NaN", (f, c) => Set(f, c, c == Width ? "-1" : "NaN"), c => c),
        ("overflowing exponent", (f, c) => Set(f, c, c == Width ? "1.5" : "1e999"), c => c),
        ("unterminated quote", (f, c) => Set(f, c, "\"12"), c => c),
        ("text after a closing quote", (f, c) => Set(f, c, "\"1\"x"), c => c),
        ("an extra field", (f, c) => f.Append("7").ToArray(), _ => Width + 1),
        ("a missing field", (f, c) => f[..^1], _ => Width),
    };

    private static string[] Set(string[] fields, int column, string value)
    {
        string[] copy = (string[])fields.Clone();
        copy[column - 1] = value;
        return copy;
    }

    private static IEnumerable<Case> GeneratedCases()
    {
        var random = new Random(Seed);
        for (int k = 0; k < 64; k++)
        {
            string[] lines = ValidLines(random);
            (string name, Func<string[], int, string[]> corrupt, Func<int, int> columnOf) = FieldCorruptions[k % FieldCorruptions.Length];
            int row = random.Next(1, Rows + 1);        // line row + 1 (the header is line 1)
            int column = random.Next(1, Width + 1);
            lines[row] = string.Join(",", corrupt(lines[row].Split(','), column));
            yield return new Case($"{name} at row {row}, column {column}", string.Join("\n", lines) + "\n", row + 1, columnOf(column));
        }
    }

    private static IEnumerable<Case> HandwrittenCases()
    {
        yield return new Case("empty file", string.Empty, 1, 0);
        yield return new Case("blank lines only", "\n  \n\n", 3, 0);
        yield return new Case("a single column", "1\n2\n", 1, 0);
        yield return new Case("header only", "a,b,label\n", 2, 0);
        yield return new Case("header and blank lines", "a,b,label\n\n\n", 4, 0);
        yield return new Case("blank lines count", "a,b,label\n1,2,0\n\n\n1,x,0\n", 5, 2);
        yield return new Case("class index 2147483647", "1,0\n2,2147483647\n", 2, 2);
        yield return new Case("class index 1e9", "1,0\n2,1000000000\n", 2, 2);
        yield return new Case("class index beyond int", "1,0\n2,99999999999\n", 2, 2);
        yield return new Case("class index negative", "1,0\n2,-3\n", 2, 2);
        yield return new Case("class index fractional", "1,0\n2,1.5\n", 2, 2);
        yield return new Case("class index beyond ClassCount", "1,0\n2,3\n", 2, 2, new CsvOptions { ClassCount = 3 });
        yield return new Case("label column name missing", "a,b\n1,2\n", 1, 0, new CsvOptions { LabelColumnName = "y" });
        yield return new Case("label column name twice", "y,y\n1,2\n", 1, 0, new CsvOptions { LabelColumnName = "y" });
        yield return new Case("label column index too large", "1,2\n", 1, 0, new CsvOptions { LabelColumnIndex = 5 });
        yield return new Case("unknown class name", "a,label\n1,x\n2,z\n", 3, 2, new CsvOptions { LabelKind = CsvLabelKind.ClassName, ClassNames = new[] { "x", "y" } });
        yield return new Case("empty class name", "a,label\n1,x\n2,\n", 3, 2, new CsvOptions { LabelKind = CsvLabelKind.ClassName });
        yield return new Case("too many class names", "a,label\n1,x\n2,y\n3,z\n", 4, 2, new CsvOptions { LabelKind = CsvLabelKind.ClassName, MaxClassCount = 2 });
        yield return new Case("regression label not a number", "a,y\n1,2\n3,four\n", 3, 2, new CsvOptions { LabelKind = CsvLabelKind.Regression });
        yield return new Case("regression label infinite", "a,y\n1,2\n3,-1e400\n", 3, 2, new CsvOptions { LabelKind = CsvLabelKind.Regression });
        yield return new Case("semicolons read with commas", "a;b;label\n1;2;0\n1,5;2;0\n", 3, 1, new CsvOptions { Delimiter = ';' });
        yield return new Case("quoted delimiter makes an extra field short", "a,b,label\n\"1,5\",2\n", 2, 3);
        yield return new Case("a line of only delimiters", "a,b,label\n1,2,0\n,,\n", 3, 1);
        yield return new Case("carriage returns and a bad field", "a,b,label\r\n1,2,0\r\n1,?,0\r\n", 3, 2);
        yield return new Case("hexadecimal number", "a,b,label\n0x1F,2,0\n", 2, 1);
        yield return new Case("thousands separator", "a,b,label\n\"1,000\",2,0\n", 2, 1);
    }

    [Fact]
    public void Every_malformed_file_names_its_file_line_and_column()
    {
        var failures = new List<string>();
        int files = 0;
        foreach (Case c in HandwrittenCases().Concat(GeneratedCases()))
        {
            string fileName = $"case{files++}.csv";
            string path = Path.Combine(_temporary.Path, fileName);
            File.WriteAllText(path, c.Text);
            try
            {
                CsvLoader.Load<double>(path, c.Options);
                failures.Add($"{c.Name}: accepted");
            }
            catch (CsvFormatException e)
            {
                if (e.FileName != fileName || e.Line != c.Line || e.Column != c.Column)
                {
                    failures.Add($"{c.Name}: expected {fileName}, line {c.Line}, column {c.Column}; got {e.Message}");
                }
                else if (!e.Message.StartsWith(c.Column > 0 ? $"{fileName}, line {c.Line}, column {c.Column}: " : $"{fileName}, line {c.Line}: ", StringComparison.Ordinal))
                {
                    failures.Add($"{c.Name}: the message does not start with the position: {e.Message}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{c.Name}: {e.GetType().Name}: {e.Message}");
            }
        }

        _output.WriteLine($"{files} malformed CSV files, {files - failures.Count} rejected at the right file, line and column");
        Assert.True(files >= 50, $"only {files} files");
        Assert.Empty(failures);
    }
}
