using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.Tests.Infrastructure;
using NetGen.Generator.Analyzers;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>The descriptor catalogue against docs/diagnostics.md and the release-tracking files.</summary>
public sealed class DocumentationTests
{
    private const string Usings = "using NetGen;\n\n";

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in new NetworkAnalyzer().SupportedDiagnostics)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_links_to_its_documented_section(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        Assert.Equal("https://github.com/netgen/netgen/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant(), descriptor.HelpLinkUri);
        string? section = DiagnosticsDocument.Instance.Section(id);
        Assert.NotNull(section);
        Assert.Contains("**" + descriptor.Title + "** · " + descriptor.DefaultSeverity, section, StringComparison.Ordinal);
        Assert.Contains("| [" + id + "](#" + id.ToLowerInvariant() + ") | " + descriptor.DefaultSeverity + " | " + descriptor.Category + " |", DiagnosticsDocument.Instance.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_is_in_the_release_tracking_file(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        string unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "generator", "NetGen.Generator", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " | ", unshipped, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Documented_examples_are_the_tested_snippets(string id)
    {
        if (id == "NG9999")
        {
            return; // the generator's own failure has no example
        }

        DiagnosticCase @case = DiagnosticCases.All().Single(c => c.Id == id);
        var blocks = DiagnosticsDocument.CodeBlocks(DiagnosticsDocument.Instance.Section(id)!);
        Assert.Equal(2, blocks.Count);
        Assert.Equal(Markup.Parse(@case.Wrong).Text, Usings + blocks[0]);
        Assert.Equal(@case.Right, Usings + blocks[1]);
        Assert.Contains("> " + id + ": " + @case.Message + "\n", DiagnosticsDocument.Instance.Section(id), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_id_has_a_distinct_message_format_without_a_trailing_period()
    {
        var descriptors = new NetworkAnalyzer().SupportedDiagnostics;
        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d => Assert.StartsWith("NG", d.Id, StringComparison.Ordinal));
        Assert.All(descriptors.Where(d => d.Id != "NG9999"), d => Assert.False(d.MessageFormat.ToString().EndsWith('.'), d.Id));
    }

    private static DiagnosticDescriptor Descriptor(string id) =>
        new NetworkAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(directory.FullName, "generator")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No repository root above " + AppContext.BaseDirectory);
    }
}
