using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Runtime.Tests.Networks;
using NetGen.Serialization;

namespace NetGen.Runtime.Tests.Fuzz;

/// <summary>
/// Corrupted safetensors files for <see cref="SmallNet{T}"/> (float): layers.0.weight [3, 2] at bytes 0–24, layers.0.bias [3]
/// at 24–36, layers.1.weight [2, 3] at 36–60, layers.1.bias [2] at 60–68 of the data section. Every file here is invalid
/// by construction; the cases are deterministic (fixed seed).
/// </summary>
internal static class WeightFileCorpus
{
    public const int Seed = 20261201;

    /// <summary>A valid file of a seeded SmallNet, as SafeTensors.Save writes it.</summary>
    public static byte[] Valid()
    {
        var network = new SmallNet<float>();
        network.InitializeParameters(3);
        using var stream = new MemoryStream();
        SafeTensors.Save<SmallNet<float>, float>(network, stream);
        return stream.ToArray();
    }

    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        byte[] valid = Valid();
        int headerLength = (int)BitConverter.ToUInt64(valid, 0);
        return Truncations(valid)
            .Concat(HeaderFlips(valid, headerLength))
            .Concat(BodyCorruptions(valid, headerLength))
            .Concat(HeaderLengths(valid, headerLength))
            .Concat(InvalidJson())
            .Concat(WrongStructure(valid, headerLength));
    }

    /// <summary>The valid file cut at every length from 0 to one byte short.</summary>
    private static IEnumerable<(string, byte[])> Truncations(byte[] valid)
    {
        for (int length = 0; length < valid.Length; length++)
        {
            yield return ($"truncated to {length} bytes", valid[..length]);
        }
    }

    /// <summary>One byte of the length prefix or of the header XORed with a random non-zero value (whitespace that stays whitespace excluded: that file is still valid).</summary>
    private static IEnumerable<(string, byte[])> HeaderFlips(byte[] valid, int headerLength)
    {
        var random = new Random(Seed);
        int made = 0;
        while (made < 120)
        {
            int position = random.Next(0, 8 + headerLength);
            byte mask = (byte)random.Next(1, 256);
            byte flipped = (byte)(valid[position] ^ mask);
            if (position >= 8 && IsJsonWhitespace(valid[position]) && IsJsonWhitespace(flipped))
            {
                continue;
            }

            byte[] bytes = (byte[])valid.Clone();
            bytes[position] = flipped;
            made++;
            yield return ($"byte {position} XOR 0x{mask:X2}", bytes);
        }
    }

    /// <summary>
    /// Body bytes flipped so that an element's exponent is all ones (NaN or ±∞): the only corruption of the data that a
    /// format without checksums can detect; any other flip is a different but valid weight.
    /// </summary>
    private static IEnumerable<(string, byte[])> BodyCorruptions(byte[] valid, int headerLength)
    {
        var random = new Random(Seed + 1);
        int data = 8 + headerLength;
        for (int k = 0; k < 34; k++)
        {
            int element = k % 17;
            byte[] bytes = (byte[])valid.Clone();
            int at = data + 4 * element;
            bytes[at + 3] |= 0x7F;
            bytes[at + 2] |= 0x80;
            if (k >= 17)
            {
                bytes[at] = (byte)random.Next(1, 256); // a NaN with a payload
            }

            yield return ($"element {element} made {(k >= 17 ? "NaN" : "non-finite")}", bytes);
        }
    }

    private static IEnumerable<(string, byte[])> HeaderLengths(byte[] valid, int headerLength)
    {
        ulong[] lengths =
        {
            0, 1, 7, (ulong)headerLength - 1, (ulong)headerLength + 1, (ulong)headerLength + 68, (ulong)headerLength + 69,
            (ulong)valid.Length, 100_000_001, uint.MaxValue, (ulong)int.MaxValue + 1, 1UL << 63, ulong.MaxValue,
        };
        foreach (ulong length in lengths)
        {
            byte[] bytes = (byte[])valid.Clone();
            BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), length);
            yield return ($"header length {length}", bytes);
        }
    }

    private static IEnumerable<(string, byte[])> InvalidJson()
    {
        string[] headers =
        {
            "{", "}", "{]", "[]", "null", "42", "\"text\"", "{\"a\"}", "{\"a\":}", "{,}", "{} {}", "{}x",
            "{\"layers.0.weight\":{\"dtype\":\"F32\",}}", "/* comment */{}", "{'layers.0.bias':1}",
            "{\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[NaN],\"data_offsets\":[0,24]}}",
            new string('{', 40) + new string('}', 40), "{\"a\":" + new string('[', 40) + new string(']', 40) + "}",
            "\uFEFF{}", "{\"layers.0.weight\":{\"dtype\":\"F32\"", "{\"\\u12\":1}",
        };
        foreach (string header in headers)
        {
            yield return ($"JSON {Abbreviate(header)}", File(Encoding.UTF8.GetBytes(header), new byte[68]));
        }

        // Not UTF-8: a lone continuation byte and an overlong encoding in a key; a lone surrogate escape.
        yield return ("key with byte 0xFF", File(Bytes("{\"layers.\xFF\":1}"), new byte[68]));
        yield return ("key with overlong '/'", File(Bytes("{\"\xC0\xAF\":1}"), new byte[68]));
        yield return ("key with lone surrogate escape", File(Encoding.UTF8.GetBytes("{\"\\ud800\":{}}"), new byte[68]));
        yield return ("empty header object, data left over", File(Encoding.UTF8.GetBytes("{}"), new byte[68]));
    }

    private static IEnumerable<(string, byte[])> WrongStructure(byte[] valid, int headerLength)
    {
        byte[] data = valid[(8 + headerLength)..];
        string w0 = Entry("F32", "[3,2]", 0, 24), b0 = Entry("F32", "[3]", 24, 36), w1 = Entry("F32", "[2,3]", 36, 60), b1 = Entry("F32", "[2]", 60, 68);

        var cases = new List<(string, string, byte[])>
        {
            ("dtype I32", Header(Entry("I32", "[3,2]", 0, 24), b0, w1, b1), data),
            ("dtype BF16", Header(Entry("BF16", "[3,2]", 0, 12), Entry("F32", "[3]", 12, 24), Entry("F32", "[2,3]", 24, 48), Entry("F32", "[2]", 48, 56)), data[..56]),
            ("dtype F16", Header(Entry("F16", "[3,2]", 0, 12), b0, w1, b1), data),
            ("dtype f32", Header(Entry("f32", "[3,2]", 0, 24), b0, w1, b1), data),
            ("dtype empty", Header(Entry(string.Empty, "[3,2]", 0, 24), b0, w1, b1), data),
            ("dtype F64 with F32 sizes", Header(Entry("F64", "[3,2]", 0, 24), b0, w1, b1), data),
            ("dtype a number", Header("{\"dtype\":5,\"shape\":[3,2],\"data_offsets\":[0,24]}", b0, w1, b1), data),
            ("shape transposed", Header(Entry("F32", "[2,3]", 0, 24), b0, w1, b1), data),
            ("shape flat", Header(Entry("F32", "[6]", 0, 24), b0, w1, b1), data),
            ("shape with a 1", Header(Entry("F32", "[3,2,1]", 0, 24), b0, w1, b1), data),
            ("shape scalar", Header(w0, Entry("F32", "[]", 24, 36), w1, b1), data),
            ("shape negative", Header(Entry("F32", "[3,-2]", 0, 24), b0, w1, b1), data),
            ("shape fractional", Header(Entry("F32", "[3,2.5]", 0, 24), b0, w1, b1), data),
            ("shape a string", Header(Entry("F32", "[\"3\",2]", 0, 24), b0, w1, b1), data),
            ("shape beyond long", Header(Entry("F32", "[99999999999999999999,2]", 0, 24), b0, w1, b1), data),
            ("shape huge product", Header(Entry("F32", "[4294967296,4294967296]", 0, 24), b0, w1, b1), data),
            ("offsets short", Header(Entry("F32", "[3,2]", 0, 20), b0, w1, b1), data),
            ("offsets long", Header(Entry("F32", "[3,2]", 0, 28), b0, w1, b1), data),
            ("offsets reversed", Header(Entry("F32", "[3,2]", 24, 0), b0, w1, b1), data),
            ("offsets one number", Header("{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[0]}", b0, w1, b1), data),
            ("offsets three numbers", Header("{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[0,24,48]}", b0, w1, b1), data),
            ("offsets negative", Header(Entry("F32", "[3,2]", -4, 20), b0, w1, b1), data),
            ("offsets past the end", Header(w0, b0, w1, Entry("F32", "[2]", 68, 76)), data),
            ("offsets at long.MaxValue", Header(w0, b0, w1, Entry("F32", "[2]", long.MaxValue - 8, long.MaxValue)), data),
            ("offsets overlapping", Header(w0, Entry("F32", "[3]", 20, 32), w1, b1), data),
            ("offsets with a gap", Header(w0, Entry("F32", "[3]", 28, 40), Entry("F32", "[2,3]", 40, 64), Entry("F32", "[2]", 64, 72)), data.Concat(new byte[4]).ToArray()),
            ("two tensors at the same offsets", Header(w0, b0, w1, Entry("F32", "[2]", 24, 32)), data),
            ("missing tensor", Header(w0, b0, w1), data[..60]),
            ("missing tensor, data kept", Header(w0, b0, w1), data),
            ("extra tensor", Header(w0, b0, w1, b1) [..^1] + ",\"layers.2.weight\":" + Entry("F32", "[1]", 68, 72) + "}", data.Concat(new byte[4]).ToArray()),
            ("duplicate key", Header(w0, b0, w1, b1)[..^1] + ",\"layers.1.bias\":" + b1 + "}", data),
            ("unknown field", Header("{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[0,24],\"stride\":[2,1]}", b0, w1, b1), data),
            ("missing dtype", Header("{\"shape\":[3,2],\"data_offsets\":[0,24]}", b0, w1, b1), data),
            ("field twice", Header("{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[0,24]}", b0, w1, b1), data),
            ("tensor not an object", Header("[0,24]", b0, w1, b1), data),
            ("metadata not strings", "{\"__metadata__\":{\"epochs\":3}," + Header(w0, b0, w1, b1)[1..], data),
            ("metadata an array", "{\"__metadata__\":[]," + Header(w0, b0, w1, b1)[1..], data),
            ("metadata twice", "{\"__metadata__\":{},\"__metadata__\":{}," + Header(w0, b0, w1, b1)[1..], data),
            ("one trailing byte", Header(w0, b0, w1, b1), data.Concat(new byte[1]).ToArray()),
            ("eight trailing bytes", Header(w0, b0, w1, b1), data.Concat(new byte[8]).ToArray()),
            ("wrong network: a LinearModel file", Header(Entry("F32", "[1,2]", 0, 8), Entry("F32", "[1]", 8, 12)), data[..12]),
        };
        foreach ((string name, string header, byte[] body) in cases)
        {
            yield return (name, File(Encoding.UTF8.GetBytes(header), body));
        }

        byte[] f64 = new byte[136];
        for (int i = 0; i < 17; i++)
        {
            BitConverter.TryWriteBytes(f64.AsSpan(8 * i), i == 9 ? 1e300 : 0.5);
        }

        yield return ("F64 value beyond float", File(
            Encoding.UTF8.GetBytes(Header(Entry("F64", "[3,2]", 0, 48), Entry("F64", "[3]", 48, 72), Entry("F64", "[2,3]", 72, 120), Entry("F64", "[2]", 120, 136))), f64));
        yield return ("empty file", Array.Empty<byte>());
    }

    private static string Entry(string dtype, string shape, long begin, long end) =>
        $"{{\"dtype\":\"{dtype}\",\"shape\":{shape},\"data_offsets\":[{begin},{end}]}}";

    private static string Header(params string[] entries)
    {
        string[] names = { "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias" };
        return "{" + string.Join(",", entries.Select((e, i) => $"\"{names[i]}\":{e}")) + "}";
    }

    private static byte[] File(byte[] header, byte[] data)
    {
        var bytes = new byte[8 + header.Length + data.Length];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), (ulong)header.Length);
        header.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + header.Length);
        return bytes;
    }

    /// <summary>A string of chars 0–255 as the bytes of the same values (for invalid UTF-8).</summary>
    private static byte[] Bytes(string latin1) => latin1.Select(c => (byte)c).ToArray();

    private static bool IsJsonWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private static string Abbreviate(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
