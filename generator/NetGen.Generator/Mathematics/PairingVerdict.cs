namespace NetGen.Generator.Mathematics;

/// <summary>What <see cref="PairingTable"/> says of an output activation with a loss.</summary>
internal enum PairingVerdict
{
    /// <summary>A good pair (matching or not): nothing to say.</summary>
    Fine = 0,

    /// <summary>Valid, but a matching pair would train better: NG0021.</summary>
    Info = 1,

    /// <summary>Defined, but trains poorly or can hit a boundary: NG0020.</summary>
    Warning = 2,

    /// <summary>The loss is undefined on the activation's range: NG0019.</summary>
    Error = 3,
}
