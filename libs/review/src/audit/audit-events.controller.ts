import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, RequireRole } from '@app/common';
import { AuditEventPageView } from './audit-event.view';
import { AuditEventsQueryDto } from './audit-events-query.dto';
import { AuditEventsService } from './audit-events.service';

/** The audit trail, newest first: append-only (the ledger refuses to change or remove an event). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit-events')
export class AuditEventsController {
  constructor(private readonly auditEvents: AuditEventsService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Read the audit trail, newest first, a page at a time' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: AuditEventPageView })
  list(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageView> {
    return this.auditEvents.list(query);
  }
}
