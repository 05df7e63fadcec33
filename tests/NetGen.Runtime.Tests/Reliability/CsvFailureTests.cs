using System;
using System.IO;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Reliability;

/// <summary>The cases of issue 11 for CSV files: an unreadable path is an IOException naming it; absurd class indices are format errors at their line and column.</summary>
public sealed class CsvFailureTests : IDisposable
{
    private readonly TemporaryFolder _temporary = new("netgen-csv");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Loading_a_directory_throws_IOException_naming_it()
    {
        var e = Assert.ThrowsAny<IOException>(() => CsvLoader.Load<double>(_temporary.Path));

        Assert.Contains(_temporary.Path, e.Message);
        Assert.Contains("directory", e.Message);
    }

    [Fact]
    public void Loading_a_missing_file_throws_FileNotFoundException_naming_it()
    {
        string path = Path.Combine(_temporary.Path, "absent.csv");

        var e = Assert.Throws<FileNotFoundException>(() => CsvLoader.Load<double>(path));

        Assert.Contains(path, e.Message);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("1000000000")]
    [InlineData("65536")]
    public void A_class_index_beyond_the_limit_is_a_format_error_at_its_line_and_column(string label)
    {
        string text = "1.5,0\n2.5," + label + "\n";

        var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load<double>(new StringReader(text), "labels.csv"));

        Assert.Equal("labels.csv", e.FileName);
        Assert.Equal(2, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Contains(label, e.Message);
        Assert.Contains(CsvOptions.DefaultMaxClassCount.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Fact]
    public void The_largest_class_index_within_the_limit_is_accepted()
    {
        CsvData<float> data = CsvLoader.Load<float>(new StringReader("1,0\n2,65535\n"), "labels.csv");

        Assert.Equal(65_536, data.Dataset.TargetSize);
        Assert.Equal(1f, data.Dataset.GetTarget(1)[65_535]);
    }

    [Fact]
    public void A_class_count_above_the_limit_is_refused_as_an_option()
    {
        var e = Assert.Throws<ArgumentException>(
            () => CsvLoader.Load<double>(new StringReader("1,0\n"), "labels.csv", new CsvOptions { ClassCount = 1_000_000_000 }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("1000000000", e.Message);
    }

    [Fact]
    public void A_raised_limit_admits_more_classes()
    {
        CsvData<float> data = CsvLoader.Load<float>(
            new StringReader("1,70000\n"), "labels.csv", new CsvOptions { MaxClassCount = 100_000 });

        Assert.Equal(70_001, data.Dataset.TargetSize);
    }
}
