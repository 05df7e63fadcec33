using System;
using System.IO;
using NetGen.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace NetGen.Tests.Generator;

/// <summary>The snapshot helper itself: a changed generator output must fail with a readable diff.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netgen-snapshot-" + Guid.NewGuid().ToString("N"));

    public SnapshotHelperTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_changed_line_fails_with_a_diff_and_writes_the_received_file()
    {
        string path = Path.Combine(_directory, "Tests.Method#Demo.Net.g");
        File.WriteAllText(path + ".verified.cs", "line 1\nfloat d2_0 = o2_0 - y0;\nline 3\n");

        var failure = Assert.Throws<XunitException>(() => Snapshot.Match(path, ".cs", "line 1\nfloat d2_0 = y0 - o2_0;\nline 3\n", accept: false));

        Assert.Contains("- float d2_0 = o2_0 - y0;", failure.Message);
        Assert.Contains("+ float d2_0 = y0 - o2_0;", failure.Message);
        Assert.Equal("line 1\nfloat d2_0 = y0 - o2_0;\nline 3\n", File.ReadAllText(path + ".received.cs"));
    }

    [Fact]
    public void A_missing_verified_file_fails_and_writes_the_received_file()
    {
        string path = Path.Combine(_directory, "Tests.New#Demo.Net.g");

        Assert.Throws<XunitException>(() => Snapshot.Match(path, ".cs", "text\n", accept: false));
        Assert.True(File.Exists(path + ".received.cs"));
    }

    [Fact]
    public void A_match_passes_and_removes_a_stale_received_file()
    {
        string path = Path.Combine(_directory, "Tests.Same#Demo.Net.g");
        File.WriteAllText(path + ".verified.cs", "same\r\n");
        File.WriteAllText(path + ".received.cs", "old");

        Snapshot.Match(path, ".cs", "same\n", accept: false);

        Assert.False(File.Exists(path + ".received.cs"));
    }
}
