using NetGen.Generator.Options;
using NetGen.Generator.Planning;

namespace NetGen.Tests.Generator.Stages;

/// <summary>Planning on its own: the plan of a declaration read off compiled attributes, for the planning tests.</summary>
internal static class Plans
{
    /// <summary>The plan of class <c>Net</c> with the attributes <paramref name="declaration"/>, under <paramref name="options"/> (the defaults if null).</summary>
    public static NetworkPlan Of(string declaration, GeneratorOptions? options = null) =>
        NetworkPlanner.Plan(Declarations.Of(declaration + " public partial class Net;"), options ?? GeneratorOptions.Default);
}
