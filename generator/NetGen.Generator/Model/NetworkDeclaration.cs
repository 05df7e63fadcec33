namespace NetGen.Generator.Model;

/// <summary>
/// A network class as written: its place in the source, the <c>[Network]</c> arguments and the layer
/// attributes in declaration order, with raw (possibly invalid) values. Shared by the generator and
/// the analyzers; holds no symbols or syntax, so it is value-equatable and cache-friendly.
/// </summary>
internal sealed record NetworkDeclaration(
    TypeHierarchy Hierarchy,
    TypeShape Shape,
    int Loss,
    int Precision,
    int Optimizer,
    double HuberDelta,
    EquatableArray<LayerDeclaration> Layers);

/// <summary>
/// One layer attribute. <paramref name="AttributeIndex"/> is its position among the class's
/// attributes, so an analyzer can find its syntax again. <paramref name="Rate"/> is a Dropout's rate.
/// </summary>
internal sealed record LayerDeclaration(
    LayerKind Kind,
    int Size,
    int Activation,
    int DeclaredInputs,
    double Alpha,
    int AttributeIndex,
    double Rate = 0);

/// <summary>Facts about the declaring type that decide whether code can be generated into it.</summary>
internal sealed record TypeShape(
    bool IsClass,
    bool IsPartial,
    bool IsGeneric,
    bool AllContainingTypesPartial,
    bool AttributesSpreadOverDeclarations,
    bool HasParameterlessConstructor,
    bool HasInvalidAttributes);
