import {
	SYNC_ERROR_CODES,
	type PullInput,
	type PullOutput,
	type PushOutput,
	type PushRequest,
	type SyncErrorCode
} from '../protocol.ts';

/**
 * How the sync engine reaches the server. The web app adapts its tRPC client (`trpcTransport`);
 * tests pass an HTTP client or call the server in-process. Any thrown error is treated as "offline,
 * try again later" except a SyncRejectedError, which retrying cannot fix.
 */
export interface SyncTransport {
	push(request: PushRequest): Promise<PushOutput>;
	pull(request: PullInput): Promise<PullOutput>;
}

/** The server refused this register for a reason retrying cannot fix (revoked, unknown, outdated). */
export class SyncRejectedError extends Error {
	override readonly name = 'SyncRejectedError';
	readonly code: SyncErrorCode;

	constructor(code: SyncErrorCode, message: string, options?: ErrorOptions) {
		super(message, options);
		this.code = code;
	}
}

/** The SyncErrorCode an error message starts with (`device_revoked: …`), if any. */
export function syncErrorCode(error: unknown): SyncErrorCode | undefined {
	if (error instanceof SyncRejectedError) return error.code;
	const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
	return SYNC_ERROR_CODES.find((code) => message.startsWith(`${code}:`));
}

/** Rethrows a server refusal as SyncRejectedError (keeping the cause); anything else unchanged. */
export function classifySyncError(error: unknown): unknown {
	const code = syncErrorCode(error);
	if (code === undefined || error instanceof SyncRejectedError) return error;
	const message = error instanceof Error ? error.message : String(error);
	return new SyncRejectedError(code, message, { cause: error });
}

/** The part of a tRPC client of `AppRouter` the engine needs; typed structurally so sync never imports api. */
export type TrpcSyncClient = {
	sync: {
		push: { mutate(input: PushRequest): Promise<PushOutput> };
		pull: { query(input: PullInput): Promise<PullOutput> };
	};
};

/** Adapts a tRPC client to SyncTransport. The client itself must send `Authorization: Bearer <token>`. */
export function trpcTransport(client: TrpcSyncClient): SyncTransport {
	return {
		push: (request) => client.sync.push.mutate(request).catch(rethrowClassified),
		pull: (request) => client.sync.pull.query(request).catch(rethrowClassified)
	};
}

function rethrowClassified(error: unknown): never {
	throw classifySyncError(error);
}
