namespace NetGen;

/// <summary>The floating-point type a generated network computes and stores its parameters in.</summary>
public enum Precision
{
    /// <summary><see cref="float"/> (the default).</summary>
    Single = 0,

    /// <summary><see cref="double"/>.</summary>
    Double = 1,
}
