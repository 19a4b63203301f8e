import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, DomainError, IdParam, RequireRole } from '@app/common';
import { StayStore } from '@app/ledger';
import { StayListView, StaysQueryDto, StayView } from './dto/stay.dto';

@ApiTags('stays')
@ApiBearerAuth()
@Controller('api/v1/stays')
export class StaysController {
  constructor(private readonly stays: StayStore) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Guest stays as the PMS told them: by room, instant or reservation' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: StayListView })
  async list(@Query() query: StaysQueryDto): Promise<StayListView> {
    const stays = await this.stays.find({
      linkId: query.linkId,
      room: query.room,
      reservation: query.reservation,
      atMs: query.at === undefined ? undefined : Date.parse(query.at),
      limit: query.limit ?? 100,
    });
    return { items: stays.map((stay) => StayView.of(stay)) };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a stay' })
  @ApiErrors(400, 401, [404, 'No stay has this id.'])
  @ApiOkResponse({ type: StayView })
  async get(@Param() { id }: IdParam): Promise<StayView> {
    const stay = await this.stays.findById(id);
    if (!stay) throw new DomainError('not-found', `No stay has id ${id}`);
    return StayView.of(stay);
  }
}
