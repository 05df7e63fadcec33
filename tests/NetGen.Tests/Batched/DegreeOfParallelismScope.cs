using System;
using NetGen.Kernels;

namespace NetGen.Tests.Batched;

/// <summary>Sets Parallelism.DegreeOfParallelism for the length of a using block and puts the old value back.</summary>
internal sealed class DegreeOfParallelismScope : IDisposable
{
    private readonly int _saved = Parallelism.DegreeOfParallelism;

    public DegreeOfParallelismScope(int degree) => Parallelism.DegreeOfParallelism = degree;

    public void Dispose() => Parallelism.DegreeOfParallelism = _saved;
}
