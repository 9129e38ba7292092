using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.BuildingBlocks;

/// <summary>Where uploaded files live. Every Host must see the same files: a shared folder by default, object storage later.</summary>
public interface IFileStorage
{
    Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct);
    /// <summary>The file, or null when there is none.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct);
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>
/// Files in a folder: Marketplace:Storage:Path, else $MARKETPLACE_DATA_DIR/files, else .data/files. Keys are
/// relative paths of safe segments (letters, digits, '-', '_', '.'), never leaving the folder.
/// </summary>
public sealed class LocalFolderStorage(string root) : IFileStorage
{
    public string Root { get; } = Path.GetFullPath(root);

    public static string RootFrom(IConfiguration config) =>
        config["Marketplace:Storage:Path"] is { Length: > 0 } path ? path
        : config["MARKETPLACE_DATA_DIR"] is { Length: > 0 } data ? Path.Combine(data, "files")
        : Path.Combine(".data", "files");

    public async Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), ct);
        File.Move(temporary, path, overwrite: true); // readers never see half a file
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var segments = key.Split('/');
        if (segments.Any(s => s.Length == 0 || s.StartsWith('.') || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new ArgumentException($"Not a storage key: '{key}'.", nameof(key));
        return Path.Combine([Root, .. segments]);
    }
}

public static class FileStorageRegistration
{
    /// <summary>The one file storage of the Host, whichever module asks for it first.</summary>
    public static IServiceCollection AddFileStorage(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton<IFileStorage>(new LocalFolderStorage(LocalFolderStorage.RootFrom(config)));
        return services;
    }
}
