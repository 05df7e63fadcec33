using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Extraction;

/// <summary>Recognises the files NetGen's generator added to a compilation (the analyzers see them; the generator does not).</summary>
internal static class GeneratedSource
{
    /// <summary>The folder Roslyn files a generator's output under: the generator's assembly and type name.</summary>
    public const string OutputFolder = "NetGen.Generator.NetworkGenerator";

    public static bool IsNetGenOutput(SyntaxTree? tree) =>
        tree is not null && tree.FilePath.Replace('\\', '/').Contains("/" + OutputFolder + "/");
}
