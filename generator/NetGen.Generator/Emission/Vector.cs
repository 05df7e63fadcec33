namespace NetGen.Generator.Emission;

/// <summary>
/// How a layer's vector (x, y, aˡ, oˡ, δˡ…) is read in generated code: one local per element when the
/// network is unrolled (<c>a1_0</c>, <c>x0</c>), or a span indexed by a constant or a loop variable.
/// </summary>
internal readonly struct Vector
{
    private readonly string _name;
    private readonly string _separator;
    private readonly bool _locals;

    private Vector(string name, bool locals, string separator)
    {
        _name = name;
        _locals = locals;
        _separator = separator;
    }

    public static Vector Locals(string name, string separator = "_") => new(name, true, separator);

    public static Vector Span(string name) => new(name, false, string.Empty);

    public string Name => _name;

    public bool IsLocals => _locals;

    public string this[int index] => _locals ? _name + _separator + index : _name + "[" + index + "]";

    /// <summary>Element at a loop variable; only for span vectors.</summary>
    public string this[string index] => _name + "[" + index + "]";
}
