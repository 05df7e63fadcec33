using System;
using System.IO;
using NetGen.Data;

namespace NetGen.Tests.Search;

/// <summary>The data the search tests run on: standardised Iris, and a few dummy samples for <see cref="ObjectiveNet"/>.</summary>
internal static class SearchData
{
    private static readonly Lazy<DatasetSplit<float>> IrisSplit = new(LoadIris);

    /// <summary>Iris, standardised on its training part: 70 % train, 15 % validation, 15 % test.</summary>
    public static DatasetSplit<float> Iris => IrisSplit.Value;

    /// <summary>Samples for <see cref="ObjectiveNet"/>, whose loss ignores them.</summary>
    public static Dataset<double> Dummy(int count)
    {
        var values = new double[count];
        return new Dataset<double>(values, values, 1, 1);
    }

    private static DatasetSplit<float> LoadIris()
    {
        CsvData<float> csv = CsvLoader.Load<float>(
            Path.Combine(AppContext.BaseDirectory, "Data", "iris.csv"),
            new CsvOptions { LabelColumnName = "species", LabelKind = CsvLabelKind.ClassName });
        DatasetSplit<float> split = DatasetSplitter.Split(csv.Dataset, 0.7, 0.15, 0.15, seed: 4);
        Standardizer scale = Standardizer.Fit(split.Train);
        return new DatasetSplit<float>(scale.Transform(split.Train), scale.Transform(split.Validation), scale.Transform(split.Test));
    }
}
