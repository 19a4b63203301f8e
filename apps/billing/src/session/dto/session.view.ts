import { ApiProperty } from '@nestjs/swagger';
import { isoTime } from '@app/common';
import { UserView } from '../../users/dto/user.view';
import type { SignedIn } from '../signed-in';

/** Who is signed in, and what their state-changing requests send in `X-CSRF-Token`. */
export class SessionView {
  @ApiProperty({ type: UserView }) user!: UserView;

  @ApiProperty({
    example: 'mQ3f5xN0cB8kq1VtY7uR2wZp4sLd9aHe6GjTi0oKvXy',
    description:
      'Send it as `X-CSRF-Token` with every request of this session that is not GET or HEAD.',
  })
  csrfToken!: string;

  @ApiProperty({
    example: 30,
    description: 'The session ends after this many minutes without a request.',
  })
  idleMinutes!: number;

  @ApiProperty({
    example: '2026-03-10T21:00:00.000Z',
    description:
      'When the session ends however busy it is: its sign-in plus `SESSION_MAX_HOURS` (a password change starts a new one).',
  })
  expiresAt!: string;

  static of(signedIn: SignedIn, idleMs: number): SessionView {
    return {
      user: UserView.of(signedIn.user),
      csrfToken: signedIn.csrfToken,
      idleMinutes: idleMs / 60_000,
      expiresAt: isoTime(signedIn.expiresAtMs),
    };
  }
}
