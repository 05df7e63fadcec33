using NetGen.Generator.Model;

namespace NetGen.Generator.Emission;

/// <summary>
/// Each activation as code and as the equation written in comments: o = f(a) and the delta
/// δ = f′(a) · g, with f′ taken from the output o where math.md prefers it. Softmax, which couples a
/// whole layer, is written by the emitter itself.
/// </summary>
internal static class ActivationCode
{
    /// <summary>o = f(a) for one element.</summary>
    public static string Apply(ActivationKind activation, string a, double alpha, Scalar s) => activation switch
    {
        ActivationKind.Linear => a,
        ActivationKind.Sigmoid => $"{s.One} / ({s.One} + {s.Math}.Exp(-{a}))",
        ActivationKind.Tanh => $"{s.Math}.Tanh({a})",
        ActivationKind.ReLU => $"{a} > {s.Zero} ? {a} : {s.Zero}",
        ActivationKind.LeakyReLU => $"{a} > {s.Zero} ? {a} : {s.Literal(alpha)} * {a}",
        ActivationKind.ELU => alpha == 1.0
            ? $"{a} > {s.Zero} ? {a} : {s.Math}.Exp({a}) - {s.One}"
            : $"{a} > {s.Zero} ? {a} : {s.Literal(alpha)} * ({s.Math}.Exp({a}) - {s.One})",
        ActivationKind.Softplus => StableSoftplus(a, s),
        ActivationKind.Exponential => $"{s.Math}.Exp({a})",
        ActivationKind.Step => $"{a} > {s.Zero} ? {s.One} : {s.Zero}",
        _ => throw new System.ArgumentOutOfRangeException(nameof(activation), activation, "Softmax is emitted per layer."),
    };

    /// <summary>The BatchActivations method that applies the activation to a whole span (ForwardActivationForm.ActivationKernel).</summary>
    public static string SpanKernel(ActivationKind activation) => activation switch
    {
        ActivationKind.Tanh => "Tanh",
        ActivationKind.Sigmoid => "Sigmoid",
        ActivationKind.Exponential => "Exp",
        ActivationKind.Softplus => "Softplus",
        ActivationKind.ELU => "Elu",
        _ => throw new System.ArgumentOutOfRangeException(nameof(activation), activation, "No span activation kernel."),
    };

    /// <summary>ln(1 + eᵃ) as max(a, 0) + ln(1 + e^(−|a|)): never overflows.</summary>
    public static string StableSoftplus(string a, Scalar s) =>
        $"{s.Math}.Max({a}, {s.Zero}) + {s.Math}.Log({s.One} + {s.Math}.Exp(-{s.Math}.Abs({a})))";

    /// <summary>δ = f′(a) · g for one element, where g = ∂L/∂o is an expression (a sum or a local).</summary>
    public static string Delta(ActivationKind activation, string a, string o, string g, double alpha, Scalar s)
    {
        string pg = Parenthesize(g);
        return activation switch
        {
            ActivationKind.Linear => g,
            ActivationKind.Sigmoid => $"{o} * ({s.One} - {o}) * {pg}",
            ActivationKind.Tanh => $"({s.One} - {o} * {o}) * {pg}",
            ActivationKind.ReLU => $"{a} > {s.Zero} ? {g} : {s.Zero}",
            ActivationKind.LeakyReLU => $"({a} > {s.Zero} ? {s.One} : {s.Literal(alpha)}) * {pg}",
            ActivationKind.ELU => $"({a} > {s.Zero} ? {s.One} : {o} + {s.Literal(alpha)}) * {pg}",
            ActivationKind.Softplus => $"{s.One} / ({s.One} + {s.Math}.Exp(-{a})) * {pg}",
            ActivationKind.Exponential => $"{o} * {pg}",
            _ => throw new System.ArgumentOutOfRangeException(nameof(activation), activation, "No element-wise derivative."),
        };
    }

    /// <summary>The forward equation of layer <paramref name="l"/>, e.g. <c>o¹ = σ(a¹)</c>.</summary>
    public static string Formula(ActivationKind activation, string l, double alpha) => activation switch
    {
        ActivationKind.Linear => $"o{l} = a{l}",
        ActivationKind.Sigmoid => $"o{l} = σ(a{l}) = 1/(1 + e^(−a{l}))",
        ActivationKind.Tanh => $"o{l} = tanh(a{l})",
        ActivationKind.ReLU => $"o{l} = max(0, a{l})",
        ActivationKind.LeakyReLU => $"o{l} = a{l} if a{l} > 0 else {InvariantNumber.Text(alpha)}·a{l}",
        ActivationKind.ELU => $"o{l} = a{l} if a{l} > 0 else {InvariantNumber.Text(alpha)}·(e^a{l} − 1)",
        ActivationKind.Softplus => $"o{l} = ln(1 + e^a{l}), as max(a{l}, 0) + ln(1 + e^(−|a{l}|))",
        ActivationKind.Exponential => $"o{l} = e^a{l}",
        ActivationKind.Softmax => $"o{l} = softmax(a{l}), oᵢ = e^(aᵢ − max a) / Σⱼ e^(aⱼ − max a)",
        ActivationKind.Step => $"o{l} = 1 if a{l} > 0 else 0",
        _ => activation.ToString(),
    };

    /// <summary>The derivative as written in comments, e.g. <c>σ′(a) = o(1 − o)</c>.</summary>
    public static string DerivativeFormula(ActivationKind activation, double alpha) => activation switch
    {
        ActivationKind.Linear => "f′(a) = 1",
        ActivationKind.Sigmoid => "σ′(a) = o(1 − o)",
        ActivationKind.Tanh => "tanh′(a) = 1 − o²",
        ActivationKind.ReLU => "ReLU′(a) = 1 if a > 0 else 0",
        ActivationKind.LeakyReLU => $"f′(a) = 1 if a > 0 else {InvariantNumber.Text(alpha)}",
        ActivationKind.ELU => $"f′(a) = 1 if a > 0 else o + {InvariantNumber.Text(alpha)}",
        ActivationKind.Softplus => "softplus′(a) = σ(a)",
        ActivationKind.Exponential => "f′(a) = eᵃ = o",
        ActivationKind.Softmax => "∂oᵢ/∂aₖ = oᵢ(δᵢₖ − oₖ), so δᵢ = oᵢ(gᵢ − Σₖ gₖoₖ)",
        ActivationKind.Step => "f′(a) = 0",
        _ => activation.ToString(),
    };

    public static string Parenthesize(string expression) =>
        IsSimple(expression) ? expression : "(" + expression + ")";

    private static bool IsSimple(string expression)
    {
        foreach (char c in expression)
        {
            if (c is ' ' or '+' or '-' or '*' or '/' or '?')
            {
                return false;
            }
        }

        return true;
    }
}
