using System;
using System.IO;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public class CsvLoaderTests
{
    // The first two rows of each species of Fisher's iris data (header as in the usual CSV).
    private const string Iris =
        "sepal_length,sepal_width,petal_length,petal_width,species\n" +
        "5.1,3.5,1.4,0.2,setosa\n" +
        "4.9,3,1.4,0.2,setosa\n" +
        "7,3.2,4.7,1.4,versicolor\n" +
        "6.4,3.2,4.5,1.5,versicolor\n" +
        "6.3,3.3,6,2.5,virginica\n" +
        "5.8,2.7,5.1,1.9,virginica\n";

    private static CsvData<double> Load(string text, CsvOptions? options = null) =>
        CsvLoader.Load<double>(new StringReader(text), "test.csv", options);

    private static CsvFormatException LoadFails(string text, CsvOptions? options = null) =>
        Assert.Throws<CsvFormatException>(() => Load(text, options));

    [Fact]
    public void IrisSpeciesNamesBecomeOneHotTargetsInOrderOfFirstAppearance()
    {
        CsvData<double> data = Load(Iris, new CsvOptions { LabelKind = CsvLabelKind.ClassName });

        Assert.Equal(6, data.Dataset.Count);
        Assert.Equal(4, data.Dataset.InputSize);
        Assert.Equal(3, data.Dataset.TargetSize);
        Assert.Equal(new[] { "sepal_length", "sepal_width", "petal_length", "petal_width" }, data.FeatureNames);
        Assert.Equal("species", data.LabelName);
        Assert.Equal(new[] { "setosa", "versicolor", "virginica" }, data.ClassNames);
        Assert.Equal(new[] { 7.0, 3.2, 4.7, 1.4 }, data.Dataset.GetInput(2).ToArray());
        Assert.Equal(new[] { 1.0, 0, 0 }, data.Dataset.GetTarget(1).ToArray());
        Assert.Equal(new[] { 0.0, 1, 0 }, data.Dataset.GetTarget(3).ToArray());
        Assert.Equal(new[] { 0.0, 0, 1 }, data.Dataset.GetTarget(4).ToArray());
    }

    [Fact]
    public void SortedClassOrderNumbersNamesOrdinally()
    {
        const string text = "x,y\n1,b\n2,c\n3,a\n";
        CsvData<double> data = Load(text, new CsvOptions { LabelKind = CsvLabelKind.ClassName, ClassNameOrder = ClassNameOrder.Sorted });

        Assert.Equal(new[] { "a", "b", "c" }, data.ClassNames);
        Assert.Equal(new[] { 0.0, 1, 0 }, data.Dataset.GetTarget(0).ToArray());  // b
        Assert.Equal(new[] { 0.0, 0, 1 }, data.Dataset.GetTarget(1).ToArray());  // c
        Assert.Equal(new[] { 1.0, 0, 0 }, data.Dataset.GetTarget(2).ToArray());  // a
    }

    [Fact]
    public void GivenClassNamesFixTheOrderAndRejectUnknownNames()
    {
        var options = new CsvOptions { LabelKind = CsvLabelKind.ClassName, ClassNames = new[] { "virginica", "versicolor", "setosa" } };
        CsvData<double> data = Load(Iris, options);
        Assert.Equal(new[] { 0.0, 0, 1 }, data.Dataset.GetTarget(0).ToArray());

        CsvFormatException e = LoadFails(Iris + "5,3,1,0.1,daisy\n", options);
        Assert.Equal(8, e.Line);
        Assert.Equal(5, e.Column);
        Assert.Contains("'daisy'", e.Message);
        Assert.Contains("'setosa'", e.Message);
    }

    [Fact]
    public void IrisWithoutHeaderIsDetectedAsData()
    {
        string noHeader = Iris[(Iris.IndexOf('\n') + 1)..];
        CsvData<double> data = Load(noHeader, new CsvOptions { LabelKind = CsvLabelKind.ClassName });

        Assert.Equal(6, data.Dataset.Count);
        Assert.Equal(new[] { 5.1, 3.5, 1.4, 0.2 }, data.Dataset.GetInput(0).ToArray());
        Assert.Equal(new[] { "column1", "column2", "column3", "column4" }, data.FeatureNames);
        Assert.Equal("column5", data.LabelName);
    }

    [Fact]
    public void NumericFileWithoutHeaderIsAllData()
    {
        CsvData<double> data = Load("1,2,0\n3,4,1\n");

        Assert.Equal(2, data.Dataset.Count);
        Assert.Equal(new[] { 1.0, 2 }, data.Dataset.GetInput(0).ToArray());
        Assert.Equal(new[] { 0.0, 1 }, data.Dataset.GetTarget(1).ToArray());
        Assert.Equal(new[] { "0", "1" }, data.ClassNames);
    }

    [Fact]
    public void ExplicitHasHeaderFalseTreatsANumericLookingFirstLineAsData()
    {
        Assert.Equal(2, Load("1,2,0\n3,4,1\n", new CsvOptions { HasHeader = false }).Dataset.Count);
        Assert.Equal(1, Load("1,2,0\n3,4,1\n", new CsvOptions { HasHeader = true }).Dataset.Count);
    }

    [Fact]
    public void LabelByNameInTheMiddleIsTakenOutOfTheInputs()
    {
        const string text = "a,digit,b\n0.5,2,7\n1.5,0,8\n";
        CsvData<float> data = CsvLoader.Load<float>(
            new StringReader(text), "t.csv", new CsvOptions { LabelColumnName = "digit", ClassCount = 3 });

        Assert.Equal(new[] { "a", "b" }, data.FeatureNames);
        Assert.Equal(new[] { 0.5f, 7f }, data.Dataset.GetInput(0).ToArray());
        Assert.Equal(new[] { 0f, 0f, 1f }, data.Dataset.GetTarget(0).ToArray());
        Assert.Equal(new[] { 1f, 0f, 0f }, data.Dataset.GetTarget(1).ToArray());
    }

    [Fact]
    public void LabelByIndexAsRegressionValue()
    {
        const string text = "y,x1,x2\n-1.25,1,2\n3e2,3,4\n";
        CsvData<double> data = Load(text, new CsvOptions { LabelColumnIndex = 0, LabelKind = CsvLabelKind.Regression });

        Assert.Equal(1, data.Dataset.TargetSize);
        Assert.Equal(-1.25, data.Dataset.GetTarget(0)[0]);
        Assert.Equal(300.0, data.Dataset.GetTarget(1)[0]);
        Assert.Equal(new[] { 3.0, 4 }, data.Dataset.GetInput(1).ToArray());
        Assert.Empty(data.ClassNames);
    }

    [Fact]
    public void QuotedFieldsTrimmedFieldsBlankLinesAndSemicolonsAreHandled()
    {
        const string text = "\"x;1\"; x2 ;label\n\n 1.5 ; \"2\" ; 1\n\n";
        CsvData<double> data = Load(text, new CsvOptions { Delimiter = ';' });

        Assert.Equal(new[] { "x;1", "x2" }, data.FeatureNames);
        Assert.Equal(new[] { 1.5, 2 }, data.Dataset.GetInput(0).ToArray());
    }

    [Fact]
    public void InvariantCultureIsUsedWhateverTheCurrentCulture()
    {
        System.Globalization.CultureInfo saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(2.5, Load("2.5,0\n").Dataset.GetInput(0)[0]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void RaggedRowNamesLineAndFirstMissingColumn()
    {
        CsvFormatException e = LoadFails("a,b,c\n1,2,0\n3,4\n");
        Assert.Equal("test.csv", e.FileName);
        Assert.Equal(3, e.Line);
        Assert.Equal(3, e.Column);
        Assert.StartsWith("test.csv, line 3, column 3:", e.Message);
        Assert.Contains("2 fields", e.Message);
    }

    [Fact]
    public void RowWithTooManyFieldsNamesTheFirstExtraColumn()
    {
        CsvFormatException e = LoadFails("a,b,c\n1,2,0,9\n");
        Assert.Equal(2, e.Line);
        Assert.Equal(4, e.Column);
    }

    [Fact]
    public void NonNumberNamesLineColumnAndText()
    {
        CsvFormatException e = LoadFails("a,b,c\n1,2,0\n\n3,abc,1\n");
        Assert.Equal(4, e.Line);   // the blank line counts
        Assert.Equal(2, e.Column);
        Assert.Contains("'abc' is not a number", e.Message);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void CommaDecimalIsNotANumber()
    {
        CsvFormatException e = LoadFails("1;2,5;0\n", new CsvOptions { Delimiter = ';', HasHeader = false });
        Assert.Equal(1, e.Line);
        Assert.Equal(2, e.Column);
    }

    [Fact]
    public void EmptyFieldIsAnError()
    {
        CsvFormatException e = LoadFails("1,,0\n", new CsvOptions { HasHeader = false });
        Assert.Equal(2, e.Column);
        Assert.Contains("empty", e.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    public void NonFiniteValuesAreRejected(string value)
    {
        CsvFormatException e = LoadFails($"1,{value},0\n", new CsvOptions { HasHeader = false });
        Assert.Equal(2, e.Column);
        Assert.Contains("finite", e.Message);
    }

    [Fact]
    public void ValueTooLargeForFloatIsRejectedForAFloatDataSet()
    {
        var e = Assert.Throws<CsvFormatException>(() =>
            CsvLoader.Load<float>(new StringReader("1,1e39,0\n"), "f.csv", new CsvOptions { HasHeader = false }));
        Assert.Equal(2, e.Column);
        Assert.Contains("Single", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void EmptyFileIsAnError(string text)
    {
        CsvFormatException e = LoadFails(text);
        Assert.Contains("empty", e.Message);
        Assert.StartsWith("test.csv, line ", e.Message);
    }

    [Fact]
    public void HeaderWithoutDataIsAnError()
    {
        CsvFormatException e = LoadFails("a,b,label\n");
        Assert.Equal(2, e.Line);
        Assert.Contains("no data rows", e.Message);
    }

    [Fact]
    public void LabelOutOfRangeForGivenClassCountNamesLabelAndCount()
    {
        CsvFormatException e = LoadFails("a,label\n1,0\n2,3\n", new CsvOptions { ClassCount = 3 });
        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Contains("label 3", e.Message);
        Assert.Contains("3 classes", e.Message);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("cat")]
    public void LabelThatIsNotAClassIndexIsAnError(string label)
    {
        CsvFormatException e = LoadFails($"a,label\n1,0\n2,{label}\n");
        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Contains($"'{label}'", e.Message);
    }

    [Fact]
    public void UnknownLabelColumnNameListsTheColumns()
    {
        CsvFormatException e = LoadFails(Iris, new CsvOptions { LabelColumnName = "Species", LabelKind = CsvLabelKind.ClassName });
        Assert.Equal(1, e.Line);
        Assert.Contains("'Species'", e.Message);
        Assert.Contains("'species'", e.Message);
    }

    [Fact]
    public void LabelColumnIndexPastTheLastColumnIsAnError()
    {
        CsvFormatException e = LoadFails("1,2,0\n", new CsvOptions { LabelColumnIndex = 3 });
        Assert.Contains("index is 3", e.Message);
        Assert.Contains("3 columns", e.Message);
    }

    [Fact]
    public void UnclosedQuoteIsAnError()
    {
        CsvFormatException e = LoadFails("a,b\n\"1,0\n");
        Assert.Equal(2, e.Line);
        Assert.Equal(1, e.Column);
        Assert.Contains("closing quote", e.Message);
    }

    [Fact]
    public void ContradictoryOptionsAreAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => Load("1,0\n", new CsvOptions { LabelColumnIndex = 1, LabelColumnName = "x" }));
        Assert.Throws<ArgumentException>(() => Load("1,0\n", new CsvOptions { ClassCount = 2, LabelKind = CsvLabelKind.Regression }));
        Assert.Throws<ArgumentException>(() => Load("x,y\n1,0\n", new CsvOptions { LabelColumnName = "y", HasHeader = false }));
    }

    [Fact]
    public void LoadingFromAPathNamesTheFileInErrors()
    {
        string path = Path.Combine(Path.GetTempPath(), $"netgen-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "a,b\n1,0\n2,x\n");
            var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load<double>(path));
            Assert.Equal(Path.GetFileName(path), e.FileName);
            Assert.StartsWith($"{Path.GetFileName(path)}, line 3, column 2:", e.Message);

            File.WriteAllText(path, "a,b\n1,0\n2,1\n");
            Assert.Equal(2, CsvLoader.Load<double>(path).Dataset.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
