using System;
using System.Linq;
using NetGen.Generator.Model;
using Xunit;

namespace NetGen.Tests.Generator.Stages;

/// <summary>The generator's mirrors of the public enums hold the same names with the same values, member by member.</summary>
public sealed class EnumMirrorTests
{
    [Theory]
    [InlineData(typeof(Activation), typeof(ActivationKind))]
    [InlineData(typeof(Loss), typeof(LossKind))]
    [InlineData(typeof(Optimizer), typeof(OptimizerKind))]
    [InlineData(typeof(Precision), typeof(PrecisionKind))]
    [InlineData(typeof(LayerKind), typeof(ParameterLayerKind))]
    public void Mirror_equals_the_public_enum(Type @public, Type mirror)
    {
        Assert.Equal(Members(@public), Members(mirror));
    }

    private static (string Name, int Value)[] Members(Type type) =>
        Enum.GetNames(type).Select(name => (name, Convert.ToInt32(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture))).OrderBy(m => m.Item2).ToArray();
}
