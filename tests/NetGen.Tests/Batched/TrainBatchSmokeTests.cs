using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Batched;

public sealed class TrainBatchSmokeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    public void Wide_dropout_network(int count) => BatchEquivalence.AssertGradientsAgree<WideDropoutNet, double>(() => new WideDropoutNet(), count, 7);

    [Theory]
    [InlineData(3)]
    [InlineData(37)]
    public void Digits(int count) => BatchEquivalence.AssertGradientsAgree<DigitsNet, float>(() => new DigitsNet(), count, 3);

    [Theory]
    [InlineData(3)]
    [InlineData(300)]
    public void Digits_forward(int count) => BatchEquivalence.AssertForwardAgrees<DigitsNet, float>(new DigitsNet(), count, 5);
}
