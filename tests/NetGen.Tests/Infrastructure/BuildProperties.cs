using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Tests.Infrastructure;

/// <summary>
/// MSBuild properties as the generator sees them: <c>build_property.&lt;Name&gt;</c> global options,
/// what <c>&lt;CompilerVisibleProperty Include="Name" /&gt;</c> (src/NetGen/build/NetGen.props) passes on.
/// </summary>
internal sealed class BuildProperties : AnalyzerConfigOptionsProvider
{
    private readonly Values _global;

    private BuildProperties(ImmutableDictionary<string, string> values) => _global = new Values(values);

    /// <summary>A project that sets no property.</summary>
    public static BuildProperties None { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GlobalOptions => _global;

    /// <summary>These properties set, as <c>&lt;Name&gt;value&lt;/Name&gt;</c> in the project file would.</summary>
    public static BuildProperties Of(params (string Name, string Value)[] properties)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        foreach ((string name, string value) in properties)
        {
            values["build_property." + name] = value;
        }

        return new BuildProperties(values.ToImmutable());
    }

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty.Instance;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty.Instance;

    private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }

    private sealed class Empty : AnalyzerConfigOptions
    {
        public static readonly Empty Instance = new();

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }
    }
}
