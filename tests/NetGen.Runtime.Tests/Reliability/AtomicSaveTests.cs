using System;
using System.IO;
using System.Linq;
using NetGen.Runtime.Tests.Networks;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Runtime.Tests.Reliability;

/// <summary>Saves replace the target only with a complete file, fail with an IOException naming it, and leave no temporary files behind.</summary>
public sealed class AtomicSaveTests : IDisposable
{
    private readonly TemporaryFolder _temporary = new("netgen-save");

    public void Dispose() => _temporary.Dispose();

    private static LinearModel<double> Model(double a)
    {
        var model = new LinearModel<double>();
        model.SetParameters(new[] { a, a + 1, a + 2 });
        return model;
    }

    [Fact]
    public void A_stale_temporary_file_of_a_killed_save_is_removed_by_the_next_save()
    {
        string path = Path.Combine(_temporary.Path, "w.safetensors");
        SafeTensors.Save<LinearModel<double>, double>(Model(1), path);

        // What a save killed between writing its temporary file and renaming it leaves behind.
        string stale = Path.Combine(_temporary.Path, ".w.safetensors." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllBytes(stale, new byte[] { 1, 2, 3 });
        string unrelated = Path.Combine(_temporary.Path, ".other.safetensors." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllBytes(unrelated, new byte[] { 4 });

        SafeTensors.Save<LinearModel<double>, double>(Model(2), path);

        Assert.False(File.Exists(stale), "the stale temporary file was left beside the target");
        Assert.True(File.Exists(unrelated), "a temporary file of another target was removed");
        Assert.Equal(new[] { path, unrelated }.Order(), Directory.GetFiles(_temporary.Path).Order());
    }

    [Fact]
    public void Saving_into_a_missing_folder_throws_IOException_naming_the_target()
    {
        string path = Path.Combine(_temporary.Path, "missing", "w.safetensors");

        var e = Assert.Throws<DirectoryNotFoundException>(() => SafeTensors.Save<LinearModel<double>, double>(Model(1), path));

        Assert.Contains(path, e.Message);
        Assert.False(Directory.Exists(Path.Combine(_temporary.Path, "missing")));
    }

    [Fact]
    public void Saving_onto_a_directory_throws_IOException_and_leaves_it()
    {
        string path = Path.Combine(_temporary.Path, "taken");
        Directory.CreateDirectory(path);

        var e = Assert.ThrowsAny<IOException>(() => SafeTensors.Save<LinearModel<double>, double>(Model(1), path));

        Assert.Contains(path, e.Message);
        Assert.True(Directory.Exists(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(_temporary.Path));
    }

    [Fact]
    public void A_full_disk_during_the_write_throws_IOException_and_keeps_the_old_file()
    {
        string path = Path.Combine(_temporary.Path, "w.safetensors");
        SafeTensors.Save<LinearModel<double>, double>(Model(1), path);
        byte[] old = File.ReadAllBytes(path);

        var e = Assert.ThrowsAny<IOException>(() => AtomicFile.Replace(path, nameof(path), stream =>
        {
            stream.Write(new byte[100]);
            throw new IOException("No space left on device");
        }));

        Assert.Contains(path, e.Message);
        Assert.Contains("No space left on device", e.Message);
        Assert.Equal(old, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_temporary.Path));
    }
}
