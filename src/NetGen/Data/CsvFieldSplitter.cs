using System.Collections.Generic;
using System.Text;

namespace NetGen.Data;

/// <summary>Splits one CSV line into trimmed fields; double-quoted fields may contain the delimiter and "" for a quote.</summary>
internal static class CsvFieldSplitter
{
    public static void Split(string line, char delimiter, List<string> fields, string fileName, int lineNumber)
    {
        fields.Clear();
        int i = 0;
        int column = 1;
        while (true)
        {
            int start = i;
            while (i < line.Length && line[i] != delimiter && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                fields.Add(ReadQuoted(line, delimiter, ref i, fileName, lineNumber, column));
            }
            else
            {
                while (i < line.Length && line[i] != delimiter)
                {
                    i++;
                }

                fields.Add(line[start..i].Trim());
            }

            if (i >= line.Length)
            {
                return;
            }

            i++; // the delimiter
            column++;
        }
    }

    private static string ReadQuoted(string line, char delimiter, ref int i, string fileName, int lineNumber, int column)
    {
        var text = new StringBuilder();
        i++; // the opening quote
        while (true)
        {
            if (i >= line.Length)
            {
                throw new CsvFormatException(
                    fileName, lineNumber, column, "the quoted field has no closing quote (a field cannot span lines).");
            }

            char c = line[i];
            if (c == '"')
            {
                if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    text.Append('"');
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            text.Append(c);
            i++;
        }

        while (i < line.Length && line[i] != delimiter && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i < line.Length && line[i] != delimiter)
        {
            throw new CsvFormatException(
                fileName, lineNumber, column, $"unexpected text after the closing quote; expected '{delimiter}' or the end of the line.");
        }

        return text.ToString().Trim();
    }
}
