using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Extraction;
using NetGen.Generator.Model;
using NetGen.Tests.Infrastructure;

namespace NetGen.Tests.Generator.Stages;

/// <summary>Extraction on its own: a declaration read off a compiled class, for tests of validation and planning.</summary>
internal static class Declarations
{
    /// <summary>The declaration of class <c>Net</c> in <paramref name="source"/> (with <c>using NetGen;</c> added).</summary>
    public static NetworkDeclaration Of(string source, string name = "Net")
    {
        Compilation compilation = GeneratorHarness.Compile("using NetGen;\n" + source);
        INamedTypeSymbol type = compilation.GetSymbolsWithName(name, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
        return NetworkDeclarationReader.Read(type, CancellationToken.None);
    }
}
