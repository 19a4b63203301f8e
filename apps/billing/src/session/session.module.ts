import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { SessionController } from './session.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [UsersModule],
  controllers: [SessionController],
  providers: [SessionsService],
  exports: [SessionsService],
})
export class SessionModule {}
