using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;

namespace NetGen.Data;

/// <summary>
/// Reads a numeric CSV file with one label column into a <see cref="Dataset{T}"/>: every other column
/// is an input value, the label becomes a one-hot target (classification) or a single value (regression).
/// </summary>
/// <remarks>
/// Numbers are parsed with the invariant culture ('.' decimal point, optional exponent). Fields are
/// trimmed; a field may be double-quoted (with "" for a quote) but cannot span lines. Blank lines are
/// skipped (they still count in line numbers). Any problem throws a <see cref="CsvFormatException"/>
/// naming the file, line and column; NaN and infinite values are rejected.
/// </remarks>
public static class CsvLoader
{
    /// <summary>Reads the file at <paramref name="path"/> (UTF-8, or as its byte order mark says).</summary>
    /// <exception cref="CsvFormatException">The content is not a valid data set.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> contradict themselves.</exception>
    /// <exception cref="IOException">
    /// The file cannot be read: <see cref="FileNotFoundException"/> or <see cref="DirectoryNotFoundException"/> when it
    /// does not exist, otherwise an <see cref="IOException"/> naming the path (a directory, no permission, an I/O error).
    /// </exception>
    public static CsvData<T> Load<T>(string path, CsvOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new IOException($"'{path}' is a directory, not a CSV file.");
        }

        StreamReader reader;
        try
        {
            reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"'{path}' cannot be read: {e.Message}", e);
        }

        using (reader)
        {
            return Load<T>(reader, Path.GetFileName(path), options);
        }
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="CsvFormatException">The content is not a valid data set.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> contradict themselves.</exception>
    public static CsvData<T> Load<T>(TextReader reader, string sourceName, CsvOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new CsvOptions();
        options.Validate();
        return new Reading<T>(reader, sourceName, options).Run();
    }

    /// <summary>One pass over one source; holds the state shared by the steps.</summary>
    private sealed class Reading<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly TextReader _reader;
        private readonly string _source;
        private readonly CsvOptions _options;
        private readonly List<string> _fields = new();
        private readonly List<T> _inputs = new();
        private readonly List<T> _regressionTargets = new();
        private readonly List<int> _labels = new();
        private readonly Dictionary<string, int> _classIndex = new(StringComparer.Ordinal);
        private readonly List<string> _classNames = new();
        private int _lineNumber;

        public Reading(TextReader reader, string source, CsvOptions options)
        {
            _reader = reader;
            _source = source;
            _options = options;
            if (options.ClassNames is not null)
            {
                foreach (string name in options.ClassNames)
                {
                    _classIndex.Add(name, _classNames.Count);
                    _classNames.Add(name);
                }
            }
        }

        public CsvData<T> Run()
        {
            if (!NextRecord())
            {
                throw Error(Math.Max(_lineNumber, 1), 0, "the file is empty.");
            }

            int firstLine = _lineNumber;
            int width = _fields.Count;
            if (width < 2)
            {
                throw Error(firstLine, 0, $"a line needs at least two fields (inputs and a label), but it has {width}.");
            }

            string[] firstFields = _fields.ToArray();
            int label = FindLabelColumn(firstFields, firstLine);
            bool hasHeader = DecideHeader(firstFields, label);
            string[] names = hasHeader
                ? firstFields
                : Enumerable.Range(1, width).Select(j => $"column{j}").ToArray();

            if (!hasHeader)
            {
                ReadRow(width, label);
            }

            while (NextRecord())
            {
                ReadRow(width, label);
            }

            int count = _inputs.Count / (width - 1);
            if (count == 0)
            {
                throw Error(_lineNumber + 1, 0, "the file has a header but no data rows.");
            }

            string[] featureNames = names.Where((_, j) => j != label).ToArray();
            return _options.LabelKind switch
            {
                CsvLabelKind.Regression => new CsvData<T>(
                    new Dataset<T>(_inputs.ToArray(), _regressionTargets.ToArray(), width - 1, 1),
                    featureNames,
                    names[label],
                    Array.Empty<string>()),
                _ => BuildClassification(width, featureNames, names[label]),
            };
        }

        private CsvData<T> BuildClassification(int width, string[] featureNames, string labelName)
        {
            int[] labels = _labels.ToArray();
            string[] classNames;
            if (_options.LabelKind == CsvLabelKind.ClassIndex)
            {
                int classCount = _options.ClassCount ?? labels.Max() + 1;
                classNames = Enumerable.Range(0, classCount).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
            }
            else if (_options.ClassNames is null && _options.ClassNameOrder == ClassNameOrder.Sorted)
            {
                classNames = _classNames.OrderBy(n => n, StringComparer.Ordinal).ToArray();
                int[] remap = _classNames.Select(n => Array.IndexOf(classNames, n)).ToArray();
                for (int i = 0; i < labels.Length; i++)
                {
                    labels[i] = remap[labels[i]];
                }
            }
            else
            {
                classNames = _classNames.ToArray();
            }

            if ((long)labels.Length * classNames.Length > Array.MaxLength)
            {
                throw Error(
                    _lineNumber,
                    0,
                    $"{labels.Length} samples of {classNames.Length} classes need {(long)labels.Length * classNames.Length} one-hot target values, more than the {Array.MaxLength} an array can hold.");
            }

            T[] targets = OneHot.Encode<T>(labels, classNames.Length);
            return new CsvData<T>(
                new Dataset<T>(_inputs.ToArray(), targets, width - 1, classNames.Length),
                featureNames,
                labelName,
                classNames);
        }

        private bool NextRecord()
        {
            while (_reader.ReadLine() is { } line)
            {
                _lineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    CsvFieldSplitter.Split(line, _options.Delimiter, _fields, _source, _lineNumber);
                    return true;
                }
            }

            return false;
        }

        private int FindLabelColumn(string[] firstFields, int line)
        {
            int width = firstFields.Length;
            if (_options.LabelColumnName is { } name)
            {
                if (_options.HasHeader == false)
                {
                    throw new ArgumentException(
                        $"The label column is given by name ('{name}'), which needs a header, but HasHeader is false.", "options");
                }

                int found = Array.IndexOf(firstFields, name);
                if (found < 0)
                {
                    throw Error(line, 0, $"there is no label column named '{name}'; the columns are {Quote(firstFields)}.");
                }

                if (Array.IndexOf(firstFields, name, found + 1) >= 0)
                {
                    throw Error(line, 0, $"the label column name '{name}' appears more than once in the header.");
                }

                return found;
            }

            int index = _options.LabelColumnIndex ?? width - 1;
            if (index >= width)
            {
                throw Error(line, 0, $"the label column index is {index}, but the file has only {width} columns (0 to {width - 1}).");
            }

            return index;
        }

        private bool DecideHeader(string[] firstFields, int label)
        {
            if (_options.HasHeader is { } explicitChoice)
            {
                return explicitChoice;
            }

            if (_options.LabelColumnName is not null)
            {
                return true;
            }

            for (int j = 0; j < firstFields.Length; j++)
            {
                if (j == label && _options.LabelKind == CsvLabelKind.ClassName)
                {
                    continue;
                }

                if (!T.TryParse(firstFields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private void ReadRow(int width, int label)
        {
            if (_fields.Count != width)
            {
                int column = Math.Min(_fields.Count, width) + 1;
                throw Error(_lineNumber, column, $"the line has {_fields.Count} fields, but the first line has {width}.");
            }

            for (int j = 0; j < width; j++)
            {
                if (j == label)
                {
                    ReadLabel(_fields[j], j + 1);
                }
                else
                {
                    _inputs.Add(ParseNumber(_fields[j], j + 1));
                }
            }
        }

        private void ReadLabel(string field, int column)
        {
            switch (_options.LabelKind)
            {
                case CsvLabelKind.Regression:
                    _regressionTargets.Add(ParseNumber(field, column));
                    break;

                case CsvLabelKind.ClassIndex:
                    _labels.Add(ParseClassIndex(field, column));
                    break;

                default:
                    _labels.Add(MapClassName(field, column));
                    break;
            }
        }

        private int ParseClassIndex(string field, int column)
        {
            if (field.Length == 0)
            {
                throw Error(_lineNumber, column, "the label is empty.");
            }

            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                || !double.IsFinite(value)
                || value != Math.Floor(value)
                || value < 0
                || value > int.MaxValue)
            {
                throw Error(_lineNumber, column, $"the label '{field}' is not a class index (a whole number 0 or more).");
            }

            int label = (int)value;
            if (_options.ClassCount is { } classCount && label >= classCount)
            {
                throw Error(
                    _lineNumber, column, $"the label {label} is out of range for {classCount} classes (valid labels are 0 to {classCount - 1}).");
            }

            if (label >= _options.MaxClassCount)
            {
                throw Error(
                    _lineNumber,
                    column,
                    $"the label {label} would make {(long)label + 1} classes, more than the limit of {_options.MaxClassCount} (CsvOptions.MaxClassCount; raise it or set ClassCount for more).");
            }

            return label;
        }

        private int MapClassName(string field, int column)
        {
            if (field.Length == 0)
            {
                throw Error(_lineNumber, column, "the class name is empty.");
            }

            if (_classIndex.TryGetValue(field, out int index))
            {
                return index;
            }

            if (_options.ClassNames is not null)
            {
                throw Error(_lineNumber, column, $"'{field}' is not one of the classes {Quote(_classNames)}.");
            }

            index = _classNames.Count;
            if (index >= _options.MaxClassCount)
            {
                throw Error(
                    _lineNumber, column, $"'{field}' would be class {index + 1}, more than the limit of {_options.MaxClassCount} (CsvOptions.MaxClassCount).");
            }

            _classIndex.Add(field, index);
            _classNames.Add(field);
            return index;
        }

        private T ParseNumber(string field, int column)
        {
            if (field.Length == 0)
            {
                throw Error(_lineNumber, column, "the field is empty; a number is expected.");
            }

            if (!T.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out T value))
            {
                throw Error(_lineNumber, column, $"'{field}' is not a number.");
            }

            if (!T.IsFinite(value))
            {
                throw Error(_lineNumber, column, $"'{field}' is not a finite {typeof(T).Name} value.");
            }

            return value;
        }

        private CsvFormatException Error(int line, int column, string reason) => new(_source, line, column, reason);

        private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
    }
}
