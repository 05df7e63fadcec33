using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using NetGen.Kernels.Simd;

namespace NetGen.Kernels;

public static partial class BatchMatrix
{
    /// <summary>
    /// How many rows of B one pass keeps in L1: 64 rows of a four-vector column block, 16 KiB for float at 512 bits. Not
    /// more, because of the cache's associativity rather than its size: with Wᵀ's rows 128 floats (512 bytes) apart, a
    /// block's lines fall into only half of L1's 64 sets, and 128 rows (16 lines per set) overflowed its 12 ways —
    /// the 784→128 product ran at 104 GFLOP/s with 128 rows and at 145 with 64 (docs/performance.md, "Batch kernels").
    /// </summary>
    private const int DepthBlock = 64;

    /// <summary>What <see cref="RowProduct{T, TVector, TSimd}"/> does with a finished element.</summary>
    private enum Epilogue
    {
        /// <summary>Store it.</summary>
        None,

        /// <summary>Store a &gt; 0 ? a : 0.</summary>
        ReLU,

        /// <summary>Store a &gt; 0 ? a : α·a.</summary>
        LeakyReLU,

        /// <summary>Store g·f′(o) with o the element at the same place of the output of the layer below.</summary>
        Derivative,
    }

    /// <summary>The operands of one <see cref="RowProduct{T, TVector, TSimd}"/>: C [rows × columns] = init + A [rows × depth]·B [depth × columns].</summary>
    private ref struct RowProductArguments<T>
        where T : unmanaged
    {
        public ref T A;
        public ref T B;
        public ref T C;
        public ref T Bias;
        public ref T Below;
        public int Rows, Depth, Columns, BStride;
        public bool HasBias, PaddedColumns;
        public Epilogue Epilogue;
        public Activation Activation;
        public T Alpha;
    }

    /// <summary>
    /// C = init + A·B with B row-major [depth × BStride] (BStride ≥ columns) and C [rows × columns]: every element starts
    /// from its bias (or 0) and receives its products in order of depth, one fused multiply-add each, then the epilogue.
    /// Register tiles of four rows × four vectors (then eight rows × one vector), each row of A broadcast one element at a time;
    /// the depth in blocks of <see cref="DepthBlock"/> so that a block of B stays in L1 for every tile of rows (the
    /// partial sums wait in C between blocks, which leaves each element's order of operations unchanged). Columns past
    /// the last whole vector: a vector over B's zero padding when <c>PaddedColumns</c> (stored element by element),
    /// else one element at a time.
    /// </summary>
    private static void RowProduct<T, TVector, TSimd>(scoped ref RowProductArguments<T> args)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        int width = TSimd.Count, columns = args.Columns, column = 0;
        for (; column + (4 * width) <= columns; column += 4 * width)
        {
            for (int p = 0; p < args.Depth; p += DepthBlock)
            {
                int end = Math.Min(args.Depth, p + DepthBlock);
                for (int i = 0; i < args.Rows; i += 4)
                {
                    RowTile4<T, TVector, TSimd>(ref args, i, column, p, end);
                }
            }
        }

        int vectorEnd = args.PaddedColumns ? columns : columns - (columns % width);
        for (; column < vectorEnd; column += width)
        {
            int real = Math.Min(width, columns - column);
            for (int p = 0; p < args.Depth; p += DepthBlock)
            {
                int end = Math.Min(args.Depth, p + DepthBlock);
                for (int i = 0; i < args.Rows; i += 8)
                {
                    RowTile8<T, TVector, TSimd>(ref args, i, column, real, p, end);
                }
            }
        }

        for (; column < columns; column++)
        {
            for (int i = 0; i < args.Rows; i++)
            {
                T sum = args.HasBias ? Unsafe.Add(ref args.Bias, column) : T.Zero;
                for (int p = 0; p < args.Depth; p++)
                {
                    sum = TSimd.ScalarMultiplyAdd(Unsafe.Add(ref args.A, (i * args.Depth) + p), Unsafe.Add(ref args.B, (p * args.BStride) + column), sum);
                }

                int at = (i * columns) + column;
                Unsafe.Add(ref args.C, at) = args.Epilogue switch
                {
                    Epilogue.ReLU => sum > T.Zero ? sum : T.Zero,
                    Epilogue.LeakyReLU => sum > T.Zero ? sum : args.Alpha * sum,
                    Epilogue.Derivative => Derivatives.Times(args.Activation, sum, Unsafe.Add(ref args.Below, at), args.Alpha),
                    _ => sum,
                };
            }
        }
    }

    /// <summary>Rows i … i + 3 (the last real row repeated past the end) × four whole vectors of columns from <paramref name="column"/>, depth p … end − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RowTile4<T, TVector, TSimd>(scoped ref RowProductArguments<T> args, int i, int column, int p, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        nuint w = (nuint)TSimd.Count;
        int last = args.Rows - 1, rows = Math.Min(4, args.Rows - i);
        nuint a0 = (nuint)(i * args.Depth), a1 = (nuint)(Math.Min(i + 1, last) * args.Depth);
        nuint a2 = (nuint)(Math.Min(i + 2, last) * args.Depth), a3 = (nuint)(Math.Min(i + 3, last) * args.Depth);
        nuint c0 = (nuint)((i * args.Columns) + column), c1 = (nuint)((Math.Min(i + 1, last) * args.Columns) + column);
        nuint c2 = (nuint)((Math.Min(i + 2, last) * args.Columns) + column), c3 = (nuint)((Math.Min(i + 3, last) * args.Columns) + column);
        TVector s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33;
        if (p == 0)
        {
            TVector b0 = TSimd.Zero, b1 = TSimd.Zero, b2 = TSimd.Zero, b3 = TSimd.Zero;
            if (args.HasBias)
            {
                b0 = TSimd.Load(ref args.Bias, (nuint)column);
                b1 = TSimd.Load(ref args.Bias, (nuint)column + w);
                b2 = TSimd.Load(ref args.Bias, (nuint)column + (2 * w));
                b3 = TSimd.Load(ref args.Bias, (nuint)column + (3 * w));
            }

            (s00, s01, s02, s03) = (b0, b1, b2, b3);
            (s10, s11, s12, s13) = (b0, b1, b2, b3);
            (s20, s21, s22, s23) = (b0, b1, b2, b3);
            (s30, s31, s32, s33) = (b0, b1, b2, b3);
        }
        else
        {
            (s00, s01, s02, s03) = (TSimd.Load(ref args.C, c0), TSimd.Load(ref args.C, c0 + w), TSimd.Load(ref args.C, c0 + (2 * w)), TSimd.Load(ref args.C, c0 + (3 * w)));
            (s10, s11, s12, s13) = (TSimd.Load(ref args.C, c1), TSimd.Load(ref args.C, c1 + w), TSimd.Load(ref args.C, c1 + (2 * w)), TSimd.Load(ref args.C, c1 + (3 * w)));
            (s20, s21, s22, s23) = (TSimd.Load(ref args.C, c2), TSimd.Load(ref args.C, c2 + w), TSimd.Load(ref args.C, c2 + (2 * w)), TSimd.Load(ref args.C, c2 + (3 * w)));
            (s30, s31, s32, s33) = (TSimd.Load(ref args.C, c3), TSimd.Load(ref args.C, c3 + w), TSimd.Load(ref args.C, c3 + (2 * w)), TSimd.Load(ref args.C, c3 + (3 * w)));
        }

        // One base per row of A and one index: every broadcast is a single addressing mode [row + q·size].
        ref T x0 = ref Unsafe.Add(ref args.A, a0), x1 = ref Unsafe.Add(ref args.A, a1);
        ref T x2 = ref Unsafe.Add(ref args.A, a2), x3 = ref Unsafe.Add(ref args.A, a3);
        nuint stride = (nuint)args.BStride;
        ref T b = ref Unsafe.Add(ref args.B, ((nuint)p * stride) + (nuint)column);
        for (nuint q = (nuint)p; q < (nuint)end; q++, b = ref Unsafe.Add(ref b, stride))
        {
            TVector v0 = TSimd.Load(ref b, 0), v1 = TSimd.Load(ref b, w), v2 = TSimd.Load(ref b, 2 * w), v3 = TSimd.Load(ref b, 3 * w);
            TVector d = TSimd.Broadcast(Unsafe.Add(ref x0, q));
            s00 = TSimd.MultiplyAdd(d, v0, s00);
            s01 = TSimd.MultiplyAdd(d, v1, s01);
            s02 = TSimd.MultiplyAdd(d, v2, s02);
            s03 = TSimd.MultiplyAdd(d, v3, s03);
            d = TSimd.Broadcast(Unsafe.Add(ref x1, q));
            s10 = TSimd.MultiplyAdd(d, v0, s10);
            s11 = TSimd.MultiplyAdd(d, v1, s11);
            s12 = TSimd.MultiplyAdd(d, v2, s12);
            s13 = TSimd.MultiplyAdd(d, v3, s13);
            d = TSimd.Broadcast(Unsafe.Add(ref x2, q));
            s20 = TSimd.MultiplyAdd(d, v0, s20);
            s21 = TSimd.MultiplyAdd(d, v1, s21);
            s22 = TSimd.MultiplyAdd(d, v2, s22);
            s23 = TSimd.MultiplyAdd(d, v3, s23);
            d = TSimd.Broadcast(Unsafe.Add(ref x3, q));
            s30 = TSimd.MultiplyAdd(d, v0, s30);
            s31 = TSimd.MultiplyAdd(d, v1, s31);
            s32 = TSimd.MultiplyAdd(d, v2, s32);
            s33 = TSimd.MultiplyAdd(d, v3, s33);
        }

        bool finished = end == args.Depth;
        StoreRow4<T, TVector, TSimd>(ref args, c0, finished, s00, s01, s02, s03);
        if (rows > 1)
        {
            StoreRow4<T, TVector, TSimd>(ref args, c1, finished, s10, s11, s12, s13);
        }

        if (rows > 2)
        {
            StoreRow4<T, TVector, TSimd>(ref args, c2, finished, s20, s21, s22, s23);
        }

        if (rows > 3)
        {
            StoreRow4<T, TVector, TSimd>(ref args, c3, finished, s30, s31, s32, s33);
        }
    }

    /// <summary>
    /// Rows i … i + 7 (the last real row repeated past the end) × one vector of columns from <paramref name="column"/>
    /// (<paramref name="real"/> of them inside C), depth p … end − 1: eight accumulators, enough to hide the FMA latency
    /// where one vector covers a narrow layer (10 outputs); partial vectors through masked loads and stores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RowTile8<T, TVector, TSimd>(scoped ref RowProductArguments<T> args, int i, int column, int real, int p, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        int last = args.Rows - 1, rows = Math.Min(8, args.Rows - i), depth = args.Depth;
        nuint a0 = (nuint)(i * depth), a1 = (nuint)(Math.Min(i + 1, last) * depth), a2 = (nuint)(Math.Min(i + 2, last) * depth);
        nuint a3 = (nuint)(Math.Min(i + 3, last) * depth), a4 = (nuint)(Math.Min(i + 4, last) * depth), a5 = (nuint)(Math.Min(i + 5, last) * depth);
        nuint a6 = (nuint)(Math.Min(i + 6, last) * depth), a7 = (nuint)(Math.Min(i + 7, last) * depth);
        TVector s0, s1, s2, s3, s4, s5, s6, s7;
        if (p == 0)
        {
            s0 = args.HasBias ? LoadPart<T, TVector, TSimd>(ref args.Bias, (nuint)column, real) : TSimd.Zero;
            (s1, s2, s3, s4, s5, s6, s7) = (s0, s0, s0, s0, s0, s0, s0);
        }
        else
        {
            nuint c = (nuint)((i * args.Columns) + column), stride = (nuint)args.Columns;
            s0 = LoadPart<T, TVector, TSimd>(ref args.C, c, real);
            s1 = rows > 1 ? LoadPart<T, TVector, TSimd>(ref args.C, c + stride, real) : s0;
            s2 = rows > 2 ? LoadPart<T, TVector, TSimd>(ref args.C, c + (2 * stride), real) : s1;
            s3 = rows > 3 ? LoadPart<T, TVector, TSimd>(ref args.C, c + (3 * stride), real) : s2;
            s4 = rows > 4 ? LoadPart<T, TVector, TSimd>(ref args.C, c + (4 * stride), real) : s3;
            s5 = rows > 5 ? LoadPart<T, TVector, TSimd>(ref args.C, c + (5 * stride), real) : s4;
            s6 = rows > 6 ? LoadPart<T, TVector, TSimd>(ref args.C, c + (6 * stride), real) : s5;
            s7 = rows > 7 ? LoadPart<T, TVector, TSimd>(ref args.C, c + (7 * stride), real) : s6;
        }

        ref T x0 = ref Unsafe.Add(ref args.A, a0), x1 = ref Unsafe.Add(ref args.A, a1), x2 = ref Unsafe.Add(ref args.A, a2), x3 = ref Unsafe.Add(ref args.A, a3);
        ref T x4 = ref Unsafe.Add(ref args.A, a4), x5 = ref Unsafe.Add(ref args.A, a5), x6 = ref Unsafe.Add(ref args.A, a6), x7 = ref Unsafe.Add(ref args.A, a7);
        nuint bStride = (nuint)args.BStride;
        ref T b = ref Unsafe.Add(ref args.B, ((nuint)p * bStride) + (nuint)column);
        for (nuint q = (nuint)p; q < (nuint)end; q++, b = ref Unsafe.Add(ref b, bStride))
        {
            TVector v = TSimd.Load(ref b, 0);
            s0 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x0, q)), v, s0);
            s1 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x1, q)), v, s1);
            s2 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x2, q)), v, s2);
            s3 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x3, q)), v, s3);
            s4 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x4, q)), v, s4);
            s5 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x5, q)), v, s5);
            s6 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x6, q)), v, s6);
            s7 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref x7, q)), v, s7);
        }

        bool finished = end == args.Depth;
        nuint at = (nuint)((i * args.Columns) + column), columns = (nuint)args.Columns;
        StorePart<T, TVector, TSimd>(ref args, at, real, finished, s0);
        if (rows > 1)
        {
            StorePart<T, TVector, TSimd>(ref args, at + columns, real, finished, s1);
        }

        if (rows > 2)
        {
            StorePart<T, TVector, TSimd>(ref args, at + (2 * columns), real, finished, s2);
        }

        if (rows > 3)
        {
            StorePart<T, TVector, TSimd>(ref args, at + (3 * columns), real, finished, s3);
        }

        if (rows > 4)
        {
            StorePart<T, TVector, TSimd>(ref args, at + (4 * columns), real, finished, s4);
        }

        if (rows > 5)
        {
            StorePart<T, TVector, TSimd>(ref args, at + (5 * columns), real, finished, s5);
        }

        if (rows > 6)
        {
            StorePart<T, TVector, TSimd>(ref args, at + (6 * columns), real, finished, s6);
        }

        if (rows > 7)
        {
            StorePart<T, TVector, TSimd>(ref args, at + (7 * columns), real, finished, s7);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow4<T, TVector, TSimd>(scoped ref RowProductArguments<T> args, nuint at, bool finished, TVector v0, TVector v1, TVector v2, TVector v3)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        nuint w = (nuint)TSimd.Count;
        if (finished && args.Epilogue != Epilogue.None)
        {
            v0 = Finish<T, TVector, TSimd>(ref args, at, v0);
            v1 = Finish<T, TVector, TSimd>(ref args, at + w, v1);
            v2 = Finish<T, TVector, TSimd>(ref args, at + (2 * w), v2);
            v3 = Finish<T, TVector, TSimd>(ref args, at + (3 * w), v3);
        }

        TSimd.Store(v0, ref args.C, at);
        TSimd.Store(v1, ref args.C, at + w);
        TSimd.Store(v2, ref args.C, at + (2 * w));
        TSimd.Store(v3, ref args.C, at + (3 * w));
    }

    /// <summary>Stores the first <paramref name="real"/> lanes (the epilogue applied first once the depth is finished).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StorePart<T, TVector, TSimd>(scoped ref RowProductArguments<T> args, nuint at, int real, bool finished, TVector v)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        if (finished && args.Epilogue != Epilogue.None)
        {
            v = Finish<T, TVector, TSimd>(ref args, at, v);
        }

        if (real == TSimd.Count)
        {
            TSimd.Store(v, ref args.C, at);
        }
        else
        {
            TSimd.StoreFirst(v, ref args.C, at, real);
        }
    }

    /// <summary>The first <paramref name="real"/> elements from <c>source + at</c> (zeros after them, never read past them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector LoadPart<T, TVector, TSimd>(ref T source, nuint at, int real)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T> =>
        real == TSimd.Count ? TSimd.Load(ref source, at) : TSimd.LoadFirst(ref source, at, real);

    /// <summary>The epilogue on one finished vector at C's offset <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Finish<T, TVector, TSimd>(scoped ref RowProductArguments<T> args, nuint at, TVector v)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T> =>
        args.Epilogue switch
        {
            Epilogue.ReLU => TSimd.SelectWherePositive(v, v, TSimd.Zero),
            Epilogue.LeakyReLU => TSimd.SelectWherePositive(v, v, TSimd.Multiply(v, TSimd.Broadcast(args.Alpha))),
            _ => Derivatives.Apply<T, TVector, TSimd>(ref args.Below, at, v, args.Activation, args.Alpha),
        };
}
