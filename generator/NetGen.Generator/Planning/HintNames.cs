using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// The name of each generated file: <c>Namespace.Outer.Class.g.cs</c>, readable and stable, wherever that is
/// unique in the project. Roslyn compares hint names without regard to case, and a namespace <c>A.B</c> holding
/// a class <c>C</c> reads like a class <c>A.B</c> holding a nested <c>C</c>; two networks whose names collide so
/// are told apart by a number, the first in ordinal order of their identities keeping the plain name.
/// </summary>
internal static class HintNames
{
    /// <summary>A type's identity, distinct for distinct types: <c>A.B::Outer+Class</c>.</summary>
    public static string Identity(TypeHierarchy hierarchy) =>
        (hierarchy.Namespace ?? string.Empty) + "::"
        + string.Join("+", hierarchy.ContainingTypes.Select(t => t.Name).Concat(new[] { hierarchy.Name }));

    /// <summary>The hint name of <paramref name="hierarchy"/> among the generated types <paramref name="identities"/> (sorted ordinally).</summary>
    public static string For(TypeHierarchy hierarchy, IReadOnlyList<string> identities)
    {
        string readable = hierarchy.FullName;
        string identity = Identity(hierarchy);
        int rank = 0;
        foreach (string other in identities)
        {
            if (string.Equals(other, identity, StringComparison.Ordinal))
            {
                break;
            }

            if (string.Equals(Readable(other), readable, StringComparison.OrdinalIgnoreCase))
            {
                rank++;
            }
        }

        // A number is never a C# identifier, so "Name.2" can be no other type's readable name.
        return rank == 0 ? readable + ".g.cs" : readable + "." + (rank + 1) + ".g.cs";
    }

    /// <summary>The readable name of an identity: <c>A.B.Outer.Class</c>.</summary>
    private static string Readable(string identity)
    {
        int separator = identity.IndexOf("::", StringComparison.Ordinal);
        string ns = identity.Substring(0, separator), types = identity.Substring(separator + 2).Replace('+', '.');
        return ns.Length == 0 ? types : ns + "." + types;
    }
}
