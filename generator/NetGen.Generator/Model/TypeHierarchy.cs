namespace NetGen.Generator.Model;

/// <summary>Where a network class lives: namespace (null for the global one) and containing types, outermost first.</summary>
internal sealed record TypeHierarchy(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Keyword,
    string Name)
{
    /// <summary>The fully qualified metadata-style name, used for hint names (<c>Namespace.Outer.Class</c>).</summary>
    public string FullName
    {
        get
        {
            string prefix = Namespace is null ? string.Empty : Namespace + ".";
            foreach (ContainingType type in ContainingTypes)
            {
                prefix += type.Name + ".";
            }

            return prefix + Name;
        }
    }
}

/// <summary>A type that contains the network class: its keyword (<c>class</c>, <c>struct</c>, <c>record</c>…) and name.</summary>
internal sealed record ContainingType(string Keyword, string Name);
