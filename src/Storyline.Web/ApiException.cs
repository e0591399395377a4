namespace Storyline.Web;

/// <summary>A request the API refuses: answered with <see cref="Status"/> and a JSON <see cref="Api.ApiError"/>.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiException NotFound(string message) => new(StatusCodes.Status404NotFound, message);
}
