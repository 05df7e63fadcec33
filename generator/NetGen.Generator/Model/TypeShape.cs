namespace NetGen.Generator.Model;

/// <summary>Facts about the declaring type that decide whether code can be generated into it.</summary>
/// <param name="IsClass">A class (or record class), not a struct, record struct or interface.</param>
/// <param name="IsStatic">Declared <c>static</c>: it cannot hold parameters or implement the interfaces.</param>
/// <param name="IsPartial">Every declaration of the type is <c>partial</c>.</param>
/// <param name="IsGeneric">The type or a containing type has type parameters.</param>
/// <param name="NonPartialContainingType">The name of the innermost containing type that is not partial; null when all are.</param>
/// <param name="AttributesSpreadOverDeclarations">NetGen attributes sit on more than one partial declaration.</param>
/// <param name="HasParameterlessConstructor">The user declared <c>Name()</c>; the generator then adds none.</param>
/// <param name="HasPrimaryConstructor">A declaration has a parameter list (<c>class Net(int seed)</c>, <c>record Net(…)</c>).</param>
/// <param name="IsReadable">Every NetGen attribute binds with well-typed arguments (see <c>DeclarationReadability</c>).</param>
/// <param name="MembersNamedLikeGenerated">
/// The user's own members whose names the generator may use, in ordinal order: a name, or for a method its signature
/// (<c>Forward(global::System.ReadOnlySpan&lt;float&gt;, global::System.Span&lt;float&gt;)</c>).
/// </param>
internal sealed record TypeShape(
    bool IsClass,
    bool IsStatic,
    bool IsPartial,
    bool IsGeneric,
    string? NonPartialContainingType,
    bool AttributesSpreadOverDeclarations,
    bool HasParameterlessConstructor,
    bool HasPrimaryConstructor,
    bool IsReadable,
    EquatableArray<string> MembersNamedLikeGenerated);
