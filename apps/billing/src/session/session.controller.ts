import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CookieOptions, Response } from 'express';
import { ApiErrors, Public, RequireRole } from '@app/common';
import { AppConfig } from '../config/app-config';
import { ChangePasswordDto, SignInDto } from './dto/session.dto';
import { SessionView } from './dto/session.view';
import { SESSION_COOKIE } from './session-token';
import { NewSession, SessionsService } from './sessions.service';
import { CurrentSession, SessionRoute, SignedIn } from './signed-in';

/** Signing in and out from a browser; API keys need none of this. */
@ApiTags('session')
@Controller('api/v1/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with an email and a password: sets the session cookie',
    description:
      'Sets an `HttpOnly; SameSite=Strict` cookie. Five refused sign-ins of one email within 15 minutes lock it for 15 minutes; every refusal is the same 401.',
  })
  @ApiErrors(400, [401, 'The email or password is wrong, or the email is locked.'], 413, 415)
  @ApiOkResponse({ type: SessionView })
  async signIn(
    @Body() body: SignInDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    return this.started(await this.sessions.signIn(body.email, body.password), response);
  }

  @Get()
  @SessionRoute()
  @RequireRole('viewer')
  @ApiCookieAuth()
  @ApiOperation({
    summary: 'Who is signed in, and the CSRF token their changes send in X-CSRF-Token',
  })
  @ApiErrors(401)
  @ApiOkResponse({ type: SessionView })
  get(@CurrentSession() signedIn: SignedIn): SessionView {
    return SessionView.of(signedIn, this.config.sessionIdleMs);
  }

  @Delete()
  @SessionRoute()
  @RequireRole('viewer')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Sign out: the session ends and its cookie is cleared' })
  @ApiErrors(401, [403, 'X-CSRF-Token is missing or wrong.'])
  @ApiNoContentResponse({ description: 'Signed out.' })
  async signOut(
    @CurrentSession() signedIn: SignedIn,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.signOut(signedIn);
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Post('password')
  @SessionRoute()
  @RequireRole('viewer')
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiOperation({
    summary: 'Change your password: every session of yours ends, this one is renewed',
    description:
      'Clears `mustChangePassword`. The answer holds the new session and its new CSRF token; the cookie is replaced.',
  })
  @ApiErrors(400, 401, [403, 'X-CSRF-Token is missing or wrong.'], 413, 415)
  @ApiOkResponse({ type: SessionView })
  async changePassword(
    @CurrentSession() signedIn: SignedIn,
    @Body() body: ChangePasswordDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    return this.started(
      await this.sessions.changePassword(signedIn, body.currentPassword, body.newPassword),
      response,
    );
  }

  private started({ token, signedIn }: NewSession, response: Response): SessionView {
    response.cookie(SESSION_COOKIE, token, this.cookieOptions());
    return SessionView.of(signedIn, this.config.sessionIdleMs);
  }

  /** No Max-Age: the browser forgets the cookie when it closes; the ledger ends idle sessions. */
  private cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.sessionCookieSecure,
      path: '/',
    };
  }
}
