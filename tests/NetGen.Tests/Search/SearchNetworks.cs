// Small Iris-sized candidates for the search tests: two widths and two optimizers, each a declared class.
namespace NetGen.Tests.Search;

[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(4)] [Dense(5, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class SearchIrisNarrow;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(4)] [Dense(12, Activation.ReLU)] [Dense(3, Activation.Softmax)] public partial class SearchIrisWide;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Momentum)] [Input(4)] [Dense(8, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class SearchIrisMomentum;
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Sgd)] [Input(4)] [Dense(3, Activation.Linear)] public partial class SearchRegression;
