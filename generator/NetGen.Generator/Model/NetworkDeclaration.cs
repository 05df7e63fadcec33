using System.Collections.Generic;

namespace NetGen.Generator.Model;

/// <summary>
/// A network class as written: its place in the source, the <c>[Network]</c> arguments and the layer
/// attributes in declaration order, with raw (possibly invalid) values. The output of extraction, read by
/// validation and planning; holds no symbols or syntax, so it is value-equatable and cache-friendly.
/// </summary>
internal sealed record NetworkDeclaration(
    TypeHierarchy Hierarchy,
    TypeShape Shape,
    LossKind Loss,
    PrecisionKind Precision,
    OptimizerKind Optimizer,
    double HuberDelta,
    EquatableArray<LayerDeclaration> Layers)
{
    /// <summary>
    /// The layers with parameters, numbered l = 1, 2, … in declaration order (math.md's numbering), each with
    /// the Dropout that follows it, if one does. Every pass reads the numbers from here.
    /// </summary>
    public IReadOnlyList<NumberedLayer> ParameterLayers()
    {
        var numbered = new List<NumberedLayer>();
        foreach (LayerDeclaration layer in Layers)
        {
            switch (layer)
            {
                case ParameterLayerDeclaration parameters:
                    numbered.Add(new NumberedLayer(numbered.Count + 1, parameters, null));
                    break;
                case DropoutDeclaration dropout when numbered.Count > 0 && numbered[numbered.Count - 1].Dropout is null:
                    numbered[numbered.Count - 1] = numbered[numbered.Count - 1] with { Dropout = dropout };
                    break;
            }
        }

        return numbered;
    }
}

/// <summary>Layer l of <see cref="NetworkDeclaration.ParameterLayers"/>: its number, its declaration, and the Dropout after it.</summary>
internal sealed record NumberedLayer(int Number, ParameterLayerDeclaration Layer, DropoutDeclaration? Dropout);
