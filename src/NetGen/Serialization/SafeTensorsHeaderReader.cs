using System;
using System.Collections.Generic;
using System.Text.Json;

namespace NetGen.Serialization;

/// <summary>
/// Parses a safetensors JSON header into tensor entries and metadata, checking its syntax and
/// structure (but not whether it fits a network: see <see cref="SafeTensorsReader"/>).
/// </summary>
internal ref struct SafeTensorsHeaderReader
{
    private const string MetadataKey = "__metadata__";

    private readonly string? _fileName;
    private Utf8JsonReader _json;

    private SafeTensorsHeaderReader(ReadOnlySpan<byte> header, string? fileName)
    {
        _fileName = fileName;
        _json = new Utf8JsonReader(header, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 8 });
    }

    public static (List<TensorEntry> Tensors, Dictionary<string, string> Metadata) Parse(ReadOnlySpan<byte> header, string? fileName)
    {
        var reader = new SafeTensorsHeaderReader(header, fileName);
        try
        {
            return reader.ParseRoot();
        }
        catch (JsonException e)
        {
            throw new WeightFileException($"The header is not valid JSON: {e.Message}", fileName, innerException: e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader.GetString throws this for invalid UTF-8 or escapes.
            throw new WeightFileException($"The header is not valid JSON text: {e.Message}", fileName, innerException: e);
        }
    }

    private (List<TensorEntry>, Dictionary<string, string>) ParseRoot()
    {
        if (!_json.Read() || _json.TokenType != JsonTokenType.StartObject)
        {
            throw Error("The header must be a JSON object.");
        }

        var tensors = new List<TensorEntry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (ReadToken() != JsonTokenType.EndObject)
        {
            string name = _json.GetString()!;
            if (!names.Add(name))
            {
                throw Error($"The header names '{name}' twice.", name);
            }

            if (name == MetadataKey)
            {
                ReadMetadata(metadata);
            }
            else
            {
                tensors.Add(ReadTensor(name));
            }
        }

        if (_json.Read())
        {
            throw Error("The header has content after its closing brace.");
        }

        return (tensors, metadata);
    }

    private void ReadMetadata(Dictionary<string, string> metadata)
    {
        if (ReadToken() != JsonTokenType.StartObject)
        {
            throw Error("'__metadata__' must be an object of strings.", MetadataKey);
        }

        while (ReadToken() != JsonTokenType.EndObject)
        {
            string key = _json.GetString()!;
            if (ReadToken() != JsonTokenType.String)
            {
                throw Error($"The metadata value of '{key}' must be a string.", MetadataKey);
            }

            if (!metadata.TryAdd(key, _json.GetString()!))
            {
                throw Error($"The metadata names '{key}' twice.", MetadataKey);
            }
        }
    }

    private TensorEntry ReadTensor(string name)
    {
        if (ReadToken() != JsonTokenType.StartObject)
        {
            throw Error($"Tensor '{name}' must be described by an object with dtype, shape and data_offsets.", name);
        }

        string? dtype = null;
        long[]? shape = null;
        long[]? offsets = null;
        while (ReadToken() != JsonTokenType.EndObject)
        {
            string field = _json.GetString()!;
            switch (field)
            {
                case "dtype" when dtype is null:
                    dtype = ReadToken() == JsonTokenType.String
                        ? _json.GetString()!
                        : throw Error($"The dtype of tensor '{name}' must be a string.", name);
                    break;
                case "shape" when shape is null:
                    shape = ReadWholeNumbers(name, field);
                    break;
                case "data_offsets" when offsets is null:
                    offsets = ReadWholeNumbers(name, field);
                    break;
                case "dtype" or "shape" or "data_offsets":
                    throw Error($"Tensor '{name}' gives '{field}' twice.", name);
                default:
                    throw Error($"Tensor '{name}' has an unknown field '{field}' (expected dtype, shape, data_offsets).", name);
            }
        }

        if (dtype is null || shape is null || offsets is null)
        {
            string missing = dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets";
            throw Error($"Tensor '{name}' has no '{missing}'.", name);
        }

        if (offsets.Length != 2)
        {
            throw Error($"The data_offsets of tensor '{name}' must be [begin, end], but there are {offsets.Length} numbers.", name);
        }

        if (offsets[0] > offsets[1])
        {
            throw Error($"The data_offsets of tensor '{name}' are [{offsets[0]}, {offsets[1]}]: the end is before the beginning.", name);
        }

        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private long[] ReadWholeNumbers(string name, string field)
    {
        if (ReadToken() != JsonTokenType.StartArray)
        {
            throw Error($"The {field} of tensor '{name}' must be an array of whole numbers.", name);
        }

        var values = new List<long>();
        while (ReadToken() != JsonTokenType.EndArray)
        {
            if (_json.TokenType != JsonTokenType.Number || !_json.TryGetInt64(out long value) || value < 0)
            {
                throw Error($"The {field} of tensor '{name}' must hold whole numbers of 0 or more.", name);
            }

            values.Add(value);
        }

        return values.ToArray();
    }

    private JsonTokenType ReadToken()
    {
        if (!_json.Read())
        {
            throw Error("The header ends in the middle of its JSON.");
        }

        return _json.TokenType;
    }

    private readonly WeightFileException Error(string message, string? tensorName = null) =>
        new(message, _fileName, tensorName);
}
