using System.Collections.Generic;
using System.Numerics;

namespace NetGen.Data;

/// <summary>What <see cref="CsvLoader"/> read: the samples and the names that give them meaning.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <param name="Dataset">The samples: every non-label column as the input, the label as the target.</param>
/// <param name="FeatureNames">The input columns' header names, in order ("column1", "column2", … by 1-based file position when there is no header).</param>
/// <param name="LabelName">The label column's header name (or "columnN" without a header).</param>
/// <param name="ClassNames">For classification, the class of each target index (for class indices, "0", "1", …); empty for regression.</param>
public sealed record CsvData<T>(
    Dataset<T> Dataset,
    IReadOnlyList<string> FeatureNames,
    string LabelName,
    IReadOnlyList<string> ClassNames)
    where T : unmanaged, IFloatingPointIeee754<T>;
